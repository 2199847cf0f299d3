namespace BkTui.Core.Formats.Analysis;

/// <summary>Collects problems and turns them into a grade: F fatal, D error on structure, C other error, B warning, A clean.</summary>
internal sealed class QualityGrader
{
    public const string Fatal = "fatal", Error = "error", Warning = "warning", Info = "info";
    private static readonly HashSet<string> Structural = ["truncated", "no-bootloader", "no-app"];
    private readonly List<QualityProblem> _problems = [];

    public void Add(string code, string severity, string message) => _problems.Add(new QualityProblem(code, severity, message));

    public QualityInfo Result()
    {
        var grade = _problems.Any(p => p.Severity == Fatal) ? "F"
            : _problems.Any(p => p.Severity == Error && Structural.Contains(p.Code)) ? "D"
            : _problems.Any(p => p.Severity == Error) ? "C"
            : _problems.Any(p => p.Severity == Warning) ? "B"
            : "A";
        return new QualityInfo { Grade = grade, Problems = _problems.ToList() };
    }
}
