using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace RiskMonitor.Analytics.Detection;

/// <summary>A fitted quasi-Poisson log-linear model.</summary>
/// <param name="Coefficients">β, one per column of the design matrix.</param>
/// <param name="Fitted">μ̂ for every observation.</param>
/// <param name="HatValues">Diagonal of the hat matrix W^½X(XᵀWX)⁻¹XᵀW^½, W = prior weight × μ̂.</param>
/// <param name="UnscaledCovariance">(XᵀWX)⁻¹; times the dispersion it is the covariance of β.</param>
/// <param name="Dispersion">Pearson estimate Σ wᵢ(yᵢ − μ̂ᵢ)²/μ̂ᵢ / (n − p), not floored at 1.</param>
/// <param name="ResidualDf">n − p.</param>
/// <param name="Converged">Whether IRLS met its tolerance within the iteration limit.</param>
public sealed record QuasiPoissonFit(
    Vector<double> Coefficients,
    double[] Fitted,
    double[] HatValues,
    Matrix<double> UnscaledCovariance,
    double Dispersion,
    int ResidualDf,
    bool Converged)
{
    /// <summary>Standard error of coefficient <paramref name="j"/> under the estimated dispersion.</summary>
    public double StandardError(int j) => Math.Sqrt(Dispersion * UnscaledCovariance[j, j]);

    /// <summary>Two-sided p-value of coefficient <paramref name="j"/>: a t test on <see cref="ResidualDf"/> degrees of freedom, as R's <c>summary.glm</c> for quasi families.</summary>
    public double PValue(int j)
    {
        var se = StandardError(j);
        if (!(se > 0))
        {
            return Coefficients[j] == 0 ? 1 : 0;
        }

        return 2 * StudentT.CDF(0, 1, ResidualDf, -Math.Abs(Coefficients[j] / se));
    }

    /// <summary>exp(xᵀβ) for a row of covariates.</summary>
    public double Predict(IReadOnlyList<double> covariates)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        var eta = 0.0;
        for (var j = 0; j < Coefficients.Count; j++)
        {
            eta += covariates[j] * Coefficients[j];
        }

        return Math.Exp(eta);
    }
}

/// <summary>Fits quasi-Poisson GLMs with log link by iteratively reweighted least squares.</summary>
/// <remarks>
/// Mirrors R's <c>glm.fit</c> for <c>quasipoisson(link = "log")</c>: start at μ = y + 0.1, at most 25 iterations, stop when
/// |D − D_old| / (|D| + 0.1) &lt; 10⁻⁸ where D is the deviance 2Σ wᵢ(yᵢ log(yᵢ/μᵢ) − (yᵢ − μᵢ)). Each step solves the
/// weighted least-squares problem by QR. Levels whose counts are all zero drive their coefficient towards −∞, as in R;
/// the deviance still converges because their contribution vanishes.
/// </remarks>
public static class QuasiPoissonGlm
{
    private const int MaxIterations = 25;
    private const double Tolerance = 1e-8;

    /// <summary>Fits log E[y] = Xβ with optional prior weights (1 for every observation when null).</summary>
    /// <exception cref="ArgumentException">Sizes disagree or there are no more observations than coefficients.</exception>
    public static QuasiPoissonFit Fit(Matrix<double> design, IReadOnlyList<double> response, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(response);
        var (n, p) = (design.RowCount, design.ColumnCount);
        if (response.Count != n || (weights is not null && weights.Count != n) || n <= p)
        {
            throw new ArgumentException($"A GLM needs one response (and weight) per row and more rows ({n}) than columns ({p}).", nameof(design));
        }

        var prior = weights ?? Enumerable.Repeat(1.0, n).ToArray();
        var mu = response.Select(y => y + 0.1).ToArray();
        var eta = mu.Select(m => Math.Log(m)).ToArray();
        var deviance = Deviance(response, mu, prior);
        var beta = Vector<double>.Build.Dense(p);
        var converged = false;
        for (var iteration = 0; iteration < MaxIterations && !converged; iteration++)
        {
            var root = mu.Select((m, i) => Math.Sqrt(prior[i] * m)).ToArray();
            var scaled = Matrix<double>.Build.Dense(n, p, (i, j) => root[i] * design[i, j]);
            var target = Vector<double>.Build.Dense(n, i => root[i] * (eta[i] + ((response[i] - mu[i]) / mu[i])));
            beta = scaled.QR().Solve(target);
            var linear = design * beta;
            for (var i = 0; i < n; i++)
            {
                eta[i] = linear[i];
                mu[i] = Math.Exp(eta[i]);
            }

            var next = Deviance(response, mu, prior);
            converged = Math.Abs(next - deviance) / (Math.Abs(next) + 0.1) < Tolerance;
            deviance = next;
        }

        // At convergence: X_w = W^½X with W = prior × μ̂; (XᵀWX)⁻¹ and the hat values hᵢ = (X_w (XᵀWX)⁻¹ X_wᵀ)ᵢᵢ.
        var weighted = Matrix<double>.Build.Dense(n, p, (i, j) => Math.Sqrt(prior[i] * mu[i]) * design[i, j]);
        var covariance = weighted.TransposeThisAndMultiply(weighted).Inverse();
        var projected = weighted * covariance;
        var hat = new double[n];
        var pearson = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < p; j++)
            {
                hat[i] += projected[i, j] * weighted[i, j];
            }

            var residual = response[i] - mu[i];
            pearson += prior[i] * residual * residual / mu[i];
        }

        return new QuasiPoissonFit(beta, mu, hat, covariance, pearson / (n - p), n - p, converged);
    }

    private static double Deviance(IReadOnlyList<double> y, double[] mu, IReadOnlyList<double> prior)
    {
        var total = 0.0;
        for (var i = 0; i < y.Count; i++)
        {
            var term = y[i] > 0 ? y[i] * Math.Log(y[i] / mu[i]) : 0;
            total += prior[i] * (term - (y[i] - mu[i]));
        }

        return 2 * total;
    }
}
