using System.Text.Json;
using RiskMonitor.Analytics.Assessment;
using RiskMonitor.Analytics.Evaluation;
using RiskMonitor.Core;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Model;

/// <summary>Accuracy, quadratic-weighted κ and the confusion matrix (rows truth, columns predicted: none, IV, III, II, I).</summary>
public sealed record ModelMetrics(int Rows, double Accuracy, double QuadraticKappa, long[][] Confusion, IReadOnlyList<string> Months)
{
    public static ModelMetrics Of(IReadOnlyList<(TrainingRow Row, WarningLevel Predicted)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var agreement = Agreement.Of(results.Select(r => (r.Row.Level, r.Predicted)));
        var confusion = Enumerable.Range(0, Agreement.Classes)
            .Select(i => Enumerable.Range(0, Agreement.Classes).Select(j => agreement.Confusion[i, j]).ToArray()).ToArray();
        var months = results.Select(r => r.Row.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        return new ModelMetrics(results.Count, agreement.Accuracy, agreement.QuadraticKappa, confusion, months);
    }
}

/// <summary>A trained model as registered: where its files are and how it did on held-out months.</summary>
public sealed record ModelInfo(
    string Id, DateTime CreatedAt, string ModelPath, string MetadataPath, string DataHash, string LabelFile, int TrainingRows,
    IReadOnlyDictionary<string, int> LabelCounts, XgbTrainingParameters Parameters, ModelMetrics Validation);

/// <summary>Trains the level model from analysts' labels, writes it with its metadata, and registers it as the active model.</summary>
/// <remarks>
/// Deterministic: fixed seed, one thread, the hist tree method; the model file is named after the hash of the training
/// data and parameters, so the same labels on the same assessments give the same file. Rows of the rarer classes are
/// weighted up (by the square root of how much rarer they are than none, at most 10) so that a handful of warned months
/// is not drowned by thousands of quiet ones.
/// </remarks>
public static class ModelTrainer
{
    public static XgbTrainingParameters Parameters { get; } = new(RiskModel.Classes, Rounds: 60)
    {
        MaxDepth = 3,
        LearningRate = 0.2,
        MinChildWeight = 1,
        Seed = 20261031,
        Threads = 1,
        Verbosity = 0,
    };

    public static ModelInfo Train(DuckDbConnection connection, IReadOnlyList<LevelLabel> labels, string labelFile, string directory, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var set = TrainingSet.Load(connection, labels);
        var training = set.Training.ToList();
        if (training.Count == 0 || training.All(r => r.Level == WarningLevel.None))
        {
            throw new RiskMonitorException("训练数据中没有任何预警级别的标签，无法训练模型（请检查标签文件的月份是否已分析）");
        }

        var counts = training.GroupBy(r => r.Level).ToDictionary(g => g.Key, g => g.Count());
        var none = counts.GetValueOrDefault(WarningLevel.None, 1);
        var weights = training.Select(r => (float)Math.Min(10, Math.Sqrt((double)none / counts[r.Level]))).ToArray();
        using var matrix = XgbMatrix.FromRows(training.Select(r => r.Features).ToList(), training.Select(r => (float)(int)r.Level).ToArray());
        matrix.SetWeights(weights);
        var booster = XgbBooster.Train(matrix, Parameters);
        var id = "model-" + set.DataHash[..16];
        using var model = new RiskModel(id, booster, RiskFeatures.Names);
        var validation = Evaluate(model, set.Validation.ToList());

        Directory.CreateDirectory(directory);
        var modelPath = Path.GetFullPath(Path.Combine(directory, id + ".json"));
        var metadataPath = Path.GetFullPath(Path.Combine(directory, id + ".meta.json"));
        booster.Save(modelPath);
        var info = new ModelInfo(id, now, modelPath, metadataPath, set.DataHash, Path.GetFileName(labelFile), training.Count,
            counts.ToDictionary(p => p.Key == WarningLevel.None ? "none" : p.Key.Roman(), p => p.Value), Parameters, validation);
        File.WriteAllText(metadataPath, JsonSerializer.Serialize(new
        {
            info.Id, info.CreatedAt, info.DataHash, info.LabelFile, info.TrainingRows, info.LabelCounts,
            parameters = Parameters.ToNative().ToDictionary(p => p.Key, p => p.Value), rounds = Parameters.Rounds,
            features = RiskFeatures.Names, validation, xgboost = XgbBooster.LibraryVersion.ToString(),
        }, AssessmentStore.Json));
        Register(connection, info);
        return info;
    }

    /// <summary>The model's levels on labelled rows against their labels.</summary>
    public static ModelMetrics Evaluate(RiskModel model, IReadOnlyList<TrainingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var verdicts = model.Predict(rows.Select(r => r.Features).ToList());
        return ModelMetrics.Of(rows.Select((r, i) => (r, verdicts[i].Level)).ToList());
    }

    private static void Register(DuckDbConnection connection, ModelInfo info)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("UPDATE models SET active = false WHERE active");
        connection.Execute("DELETE FROM models WHERE model_id = $1", info.Id);
        connection.Execute(
            "INSERT INTO models VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true)",
            info.Id, info.CreatedAt, info.ModelPath, info.MetadataPath, info.DataHash, info.LabelFile,
            JsonSerializer.Serialize(RiskFeatures.Names), JsonSerializer.Serialize(info.Parameters.ToNative().ToDictionary(p => p.Key, p => p.Value)),
            JsonSerializer.Serialize(info.Validation, AssessmentStore.Json));
        transaction.Commit();
    }
}

/// <summary>Finds the active model in the <c>models</c> table.</summary>
public static class ModelRegistry
{
    /// <summary>The active model, loaded; null when none was trained. A registered model whose file is gone is an error.</summary>
    public static RiskModel? LoadActive(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var active = connection.Query(
            "SELECT model_id, model_path, features FROM models WHERE active ORDER BY created_at DESC LIMIT 1",
            r => (Id: r.GetString(0), Path: r.GetString(1), Features: r.GetString(2))).FirstOrDefault();
        if (active.Id is null)
        {
            return null;
        }

        if (!File.Exists(active.Path))
        {
            throw new RiskMonitorException($"当前启用的模型 {active.Id} 的文件不存在：{active.Path}（请重新运行 model train）");
        }

        var features = JsonSerializer.Deserialize<string[]>(active.Features) ?? [];
        if (!features.SequenceEqual(RiskFeatures.Names))
        {
            throw new RiskMonitorException($"模型 {active.Id} 的特征与当前版本不一致，请重新运行 model train");
        }

        return new RiskModel(active.Id, XgbBooster.Load(active.Path), features);
    }
}
