namespace RiskMonitor.Tests.Analytics.Model;

/// <summary>
/// A five-class problem in the shape of warning levels: the class follows from thresholds on features 0 and 1,
/// features 2 … 5 are noise. Seeded, so every test sees the same rows.
/// </summary>
public sealed class SyntheticRiskData
{
    public const int Classes = 5;
    public const int FeatureCount = 6;
    public const int Informative = 2;

    public SyntheticRiskData(int rows, int seed)
    {
        var random = new Random(seed);
        Features = new float[rows, FeatureCount];
        Labels = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < FeatureCount; j++)
            {
                Features[i, j] = (float)random.NextDouble();
            }

            Labels[i] = ClassOf(Features[i, 0], Features[i, 1]);
        }
    }

    public float[,] Features { get; }

    public float[] Labels { get; }

    public int Rows => Labels.Length;

    public static int ClassOf(float x, float y) => (x, y) switch
    {
        ( < 0.5f, < 0.5f) => 0,
        ( < 0.5f, _) => 1,
        (_, < 0.33f) => 2,
        (_, < 0.66f) => 3,
        _ => 4,
    };

    public static int ArgMax(float[,] probabilities, int row)
    {
        var best = 0;
        for (var c = 1; c < probabilities.GetLength(1); c++)
        {
            if (probabilities[row, c] > probabilities[row, best])
            {
                best = c;
            }
        }

        return best;
    }

    public double Accuracy(float[,] probabilities) =>
        Enumerable.Range(0, Rows).Count(i => ArgMax(probabilities, i) == (int)Labels[i]) / (double)Rows;
}
