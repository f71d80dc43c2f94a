namespace RiskMonitor.Tests; public class Smoke { [Fact] public void Works() => RiskMonitor.Core.Data.DuckDbDatabase.LibraryVersion.Should().StartWith("v1.5"); }
