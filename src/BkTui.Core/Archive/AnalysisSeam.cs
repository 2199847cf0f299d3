using System.Text.Json.Nodes;
using BkTui.Core.Formats;

namespace BkTui.Core.Archive;

/// <summary>The few analysis facts the archive indexes, plus the whole report as masked JSON.</summary>
internal sealed record StoredAnalysis(string? Mac, string? Chip, string? KeyVerdict, string? Bootloader, string? Grade, string Json)
{
    /// <summary>Why the report is grade F (its fatal problems), for an import that refuses such a file.</summary>
    public string? Fatal { get; init; }
}

/// <summary>
/// The archive's only link to the formats part (<c>DumpAnalyzer</c>). An analyzer failure never
/// stops an import: the bytes are what matter, the report can be redone.
/// </summary>
internal static class AnalysisSeam
{
    public static StoredAnalysis Analyze(ReadOnlySpan<byte> dump)
    {
        try
        {
            return Run(dump);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var json = new JsonObject { ["analysisError"] = $"{e.GetType().Name}: {e.Message}" }.ToJsonString();
            return new StoredAnalysis(null, null, null, null, null, json);
        }
    }

    private static StoredAnalysis Run(ReadOnlySpan<byte> dump)
    {
        var report = DumpAnalyzer.Analyze(dump);
        var bootloader = report.Bootloader.Present ? report.Bootloader.Name ?? report.Bootloader.Text ?? $"unknown ({report.Bootloader.CrcText()})" : null;
        return new StoredAnalysis(
            report.Mac,
            report.Chip.Family is "unknown" or "" ? null : report.Chip.Family,
            report.Encryption.Key is "unknown" or "" ? null : report.Encryption.Key,
            bootloader,
            report.Quality.Grade,
            report.ToJsonNode(revealSecrets: false).ToJsonString()) // compact; masked
        {
            Fatal = report.Quality.Grade == "F" ? string.Join(" ", report.Quality.Problems.Where(p => p.Severity == "fatal").Select(p => p.Message)) : null,
        };
    }
}
