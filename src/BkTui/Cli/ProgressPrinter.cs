using BkTui.Core.Flashing;
using Humanizer;

namespace BkTui.Cli;

/// <summary>
/// Progress on stderr: one rewritten line (bytes, speed, ETA) on a terminal; on a pipe, quiet
/// lines at phase starts, every 25 % and phase ends. stdout stays clean for --json.
/// </summary>
internal sealed class ProgressPrinter(TextWriter output, bool terminal) : IFlashObserver
{
    private DateTime _lastDraw;
    private FlashPhase? _phase;
    private int _lastQuarter = -1;
    private bool _lineOpen;
    private bool _phaseEnded;

    public void Progress(FlashProgress p)
    {
        if (p.Total <= 1) return; // link/identify markers: the log lines say enough
        if (_phase != p.Phase) { Finish(); _phase = p.Phase; _lastQuarter = -1; _phaseEnded = false; }
        if (terminal)
        {
            var now = DateTime.UtcNow;
            if (_phaseEnded || (p.Done != p.Total && now - _lastDraw < TimeSpan.FromMilliseconds(200))) return;
            _lastDraw = now;
            output.Write($"\r{Describe(p),-78}");
            _lineOpen = true;
            // A finished phase ends its line, so a message printed next (on stdout or stderr) starts clean.
            if (p.Done == p.Total) { Finish(); _phaseEnded = true; }
            return;
        }
        var quarter = (int)(p.Done * 4 / Math.Max(1, p.Total));
        if (quarter == _lastQuarter) return;
        _lastQuarter = quarter;
        output.WriteLine(Describe(p));
    }

    public void NeedsAttention(string message)
    {
        Finish();
        output.WriteLine($">>> {message}");
    }

    /// <summary>Only the baud ladder's lines and what happened outside a write's range reach the terminal; the rest goes to the log file.</summary>
    public void Log(string line)
    {
        if (!line.StartsWith(BaudPlan.LogPrefix, StringComparison.Ordinal) && !line.StartsWith(ChipSession.OutsideLogPrefix, StringComparison.Ordinal)) return;
        Finish();
        output.WriteLine(line);
    }

    /// <summary>Ends an open terminal line so the next message starts clean.</summary>
    public void Finish()
    {
        if (!_lineOpen) return;
        output.WriteLine();
        _lineOpen = false;
    }

    internal static string Describe(FlashProgress p)
    {
        var text = $"{p.Phase.ToString().ToLowerInvariant(),-6} {p.Done.Bytes().Humanize("0.#"),9} / {p.Total.Bytes().Humanize("0.#")}";
        if (p.BytesPerSecond > 0)
        {
            text += $"  {((long)p.BytesPerSecond).Bytes().Humanize("0.#")}/s";
            if (p.Done < p.Total)
                text += $"  ETA {TimeSpan.FromSeconds((p.Total - p.Done) / p.BytesPerSecond).Humanize(2, minUnit: Humanizer.TimeUnit.Second)}";
        }
        if (p.Retries > 0) text += $"  retries {p.Retries}";
        return text;
    }
}
