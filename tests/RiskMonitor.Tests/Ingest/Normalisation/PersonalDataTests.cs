using System.Text;
using RiskMonitor.Ingest.Normalisation;

namespace RiskMonitor.Tests.Ingest.Normalisation;

public sealed class PersonalDataTests
{
    private static readonly byte[] KeyA = Encoding.UTF8.GetBytes("key-A-0123456789abcdef");
    private static readonly byte[] KeyB = Encoding.UTF8.GetBytes("key-B-0123456789abcdef");

    [Theory]
    [InlineData("138-1234-5678")]
    [InlineData("138 1234 5678")]
    [InlineData(" 13812345678 ")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+8613812345678")]
    [InlineData("86-13812345678")]
    [InlineData("0086 13812345678")]
    public void ComplainantKey_SamePhoneWrittenDifferently_IsTheSameKey(string phone)
    {
        using var data = new PersonalData(KeyA);

        data.ComplainantKey("张伟", phone).Should().Be(data.ComplainantKey("张伟", "13812345678"));
    }

    [Fact]
    public void ComplainantKey_SamePhoneUnderAnotherName_IsTheSameKeyBecauseThePhoneIdentifies()
    {
        using var data = new PersonalData(KeyA);

        data.ComplainantKey("张先生", "13812345678").Should().Be(data.ComplainantKey("张伟", "13812345678"));
    }

    [Fact]
    public void ComplainantKey_IsTheFirstHalfOfTheHmacOfTheNormalisedPhoneOrName()
    {
        // Computed independently: HMAC-SHA256(key, "tel:13812345678") and (key, "name:张伟"), first 16 bytes in hex.
        // Keys stored in a warehouse must stay the same across releases, or repeat complainants stop linking.
        using var data = new PersonalData(KeyA);

        data.ComplainantKey("张伟", "+86 138-1234-5678").Should().Be("8d4fd193e43d5fdd3aca75bf89c0d746");
        data.ComplainantKey(" 张伟 ", null).Should().Be("3459392c4e1f3682bbc65d76404818e2");
    }

    [Fact]
    public void ComplainantKey_DifferentKey_GivesADifferentHash()
    {
        using var a = new PersonalData(KeyA);
        using var b = new PersonalData(KeyB);

        a.ComplainantKey("张伟", "13812345678").Should().NotBe(b.ComplainantKey("张伟", "13812345678"));
    }

    [Fact]
    public void ComplainantKey_IsHexAndDoesNotContainThePhone()
    {
        using var data = new PersonalData(KeyA);

        var key = data.ComplainantKey(null, "13812345678");

        key.Should().MatchRegex("^[0-9a-f]{32}$").And.NotContain("5678");
    }

    [Fact]
    public void ComplainantKey_DifferentPhones_GiveDifferentKeys()
    {
        using var data = new PersonalData(KeyA);

        data.ComplainantKey(null, "13812345678").Should().NotBe(data.ComplainantKey(null, "13812345679"));
    }

    [Fact]
    public void ComplainantKey_WithoutPhone_FallsBackToTheNameAndWithoutEitherIsNull()
    {
        using var data = new PersonalData(KeyA);

        data.ComplainantKey(" 张伟 ", null).Should().Be(data.ComplainantKey("张伟", "")).And.NotBeNull();
        data.ComplainantKey("张伟", null).Should().NotBe(data.ComplainantKey("李娜", null));
        data.ComplainantKey(null, null).Should().BeNull();
        data.ComplainantKey("  ", "无").Should().BeNull();
    }

    [Fact]
    public void Constructor_ShortKey_IsRefused()
    {
        var act = () => new PersonalData(new byte[8]);

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("张伟", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("张先生", "张**")]
    [InlineData(" 李娜 ", "李*")]
    [InlineData("王", "*")]
    [InlineData("𠮷娜", "𠮷*")]
    public void MaskName_KeepsTheFirstCharacterOnly(string name, string expected)
    {
        PersonalData.MaskName(name).Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void MaskName_Nothing_IsNull(string? name)
    {
        PersonalData.MaskName(name).Should().BeNull();
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("138-1234-5678", "138****5678")]
    [InlineData("+86 138 1234 5678", "138****5678")]
    [InlineData("8613812345678", "138****5678")]
    [InlineData("027-87654321", "027******21")]
    [InlineData("87654321", "876***21")]
    [InlineData("12345", "*****")]
    public void MaskPhone_HidesTheMiddleDigits(string phone, string expected)
    {
        PersonalData.MaskPhone(phone).Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("无")]
    public void MaskPhone_NoDigits_IsNull(string? phone)
    {
        PersonalData.MaskPhone(phone).Should().BeNull();
    }

    [Theory]
    [InlineData("联系电话：13812345678。", "联系电话：138****5678。")]
    [InlineData("电话13812345678", "电话138****5678")]
    [InlineData("请回电+8613812345678谢谢", "请回电+86138****5678谢谢")]
    [InlineData("请回电+86 13812345678谢谢", "请回电+86 138****5678谢谢")]
    [InlineData("手机 138-1234-5678 随时联系", "手机 138-****-5678 随时联系")]
    [InlineData("手机 138 1234 5678 随时联系", "手机 138 **** 5678 随时联系")]
    [InlineData("座机027-87654321转分机", "座机027-******21转分机")]
    [InlineData("座机02787654321", "座机0278*****21")]
    [InlineData("本人身份证号：42100920040629797X。", "本人身份证号：421009********797X。")]
    [InlineData("身份证421009200406297979", "身份证421009********7979")]
    [InlineData("身份证号42100920040629797x", "身份证号421009********797x")]
    public void MaskText_HidesPhonesAndIdNumbers(string text, string expected)
    {
        PersonalData.MaskText(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("2026年3月5日购买，型号DH-305688，价格1999元。")]
    [InlineData("订单金额 2026 元，共 12 件，型号 600×600mm")]
    [InlineData("规格 220V 1800W，编号 123456")]
    [InlineData("")]
    public void MaskText_OrdinaryNumbers_AreLeftAlone(string text)
    {
        PersonalData.MaskText(text).Should().Be(text);
    }

    [Fact]
    public void MaskText_SeveralNumbersInOneText_MasksEachOfThem()
    {
        var masked = PersonalData.MaskText("联系13812345678或15987654321，身份证420102199001011234，座机(027)87654321");

        masked.Should().NotContain("13812345678").And.NotContain("15987654321").And.NotContain("420102199001011234").And.NotContain("87654321");
        masked.Should().Contain("138****5678").And.Contain("159****4321").And.Contain("420102********1234");
    }
}
