using System.Globalization;

namespace RiskMonitor.Analytics.Model;

/// <summary>
/// What <see cref="XgbBooster.Train"/> passes to XGBoost. Defaults give a deterministic multi-class probability model:
/// the same data and <see cref="Seed"/> give the same trees and the same model bytes.
/// </summary>
/// <param name="Classes">Number of classes; labels are 0 … Classes-1.</param>
/// <param name="Rounds">Boosting rounds (trees per class).</param>
/// <remarks>
/// Values are not checked here: XGBoost checks them when training starts and its message surfaces as an
/// <see cref="XGBoostException"/>. Determinism rests on three settings: <see cref="Seed"/> (row and column sampling),
/// <see cref="Threads"/> = 1 (no dependence on how work is split across threads) and the <c>hist</c> tree method
/// (the default <c>auto</c> picks a method by data size). XGBoost re-seeds its per-thread generator when training
/// configures the booster, and <see cref="XgbBooster.Train"/> runs every round in one call on one thread, so two
/// trainings never draw from the same generator in between.
/// </remarks>
public sealed record XgbTrainingParameters(int Classes, int Rounds = 100)
{
    /// <summary><c>multi:softprob</c> (probability per class); <c>multi:softmax</c> predicts only the winning class.</summary>
    public string Objective { get; init; } = "multi:softprob";

    public int MaxDepth { get; init; } = 6;

    /// <summary>Shrinkage per round, XGBoost's <c>eta</c>.</summary>
    public double LearningRate { get; init; } = 0.3;

    /// <summary>Share of rows sampled for each tree.</summary>
    public double Subsample { get; init; } = 1.0;

    /// <summary>Share of columns sampled for each tree, XGBoost's <c>colsample_bytree</c>.</summary>
    public double ColumnSampleByTree { get; init; } = 1.0;

    public double MinChildWeight { get; init; } = 1.0;

    /// <summary>L2 regularisation on leaf weights, XGBoost's <c>lambda</c>.</summary>
    public double L2Regularization { get; init; } = 1.0;

    public int Seed { get; init; }

    /// <summary>XGBoost's <c>nthread</c>; 1 keeps training reproducible, 0 means every core.</summary>
    public int Threads { get; init; } = 1;

    public string TreeMethod { get; init; } = "hist";

    /// <summary>Metric for <see cref="XgbBooster.Evaluate"/>, for example <c>mlogloss</c> or <c>merror</c>.</summary>
    public string EvalMetric { get; init; } = "mlogloss";

    /// <summary>0 silent, 1 warnings (such as unused parameters) to standard error, 2 info, 3 debug.</summary>
    public int Verbosity { get; init; } = 1;

    /// <summary>Further XGBoost parameters by their own names; they override the typed ones above.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>The parameters as XGBoost names and spells them, in a fixed order.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToNative()
    {
        var typed = new (string Name, string Value)[]
        {
            ("objective", Objective),
            ("num_class", Text(Classes)),
            ("max_depth", Text(MaxDepth)),
            ("eta", Text(LearningRate)),
            ("subsample", Text(Subsample)),
            ("colsample_bytree", Text(ColumnSampleByTree)),
            ("min_child_weight", Text(MinChildWeight)),
            ("lambda", Text(L2Regularization)),
            ("seed", Text(Seed)),
            ("nthread", Text(Threads)),
            ("tree_method", TreeMethod),
            ("eval_metric", EvalMetric),
            ("verbosity", Text(Verbosity)),
        };
        foreach (var (name, value) in typed)
        {
            if (!Extra.ContainsKey(name))
            {
                yield return new(name, value);
            }
        }

        foreach (var entry in Extra.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            yield return entry;
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
