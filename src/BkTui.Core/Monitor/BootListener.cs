using System.Diagnostics;
using BkTui.Core.Serial;

namespace BkTui.Core.Monitor;

/// <summary>
/// Listens to a freshly rebooted chip for a bounded time and reads what it said into a
/// <see cref="BootProof"/>. Stops early once the answer is settled: a firmware and its MAC heard
/// (plus <see cref="BootListenOptions.Settle"/> without a reset), or a boot loop's banners.
/// </summary>
public static class BootListener
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public static BootProof Listen(ISerialLink link, BootListenOptions options, bool onLogPort, CancellationToken cancel)
    {
        if (options.Duration <= TimeSpan.Zero)
            return BootProof.NotChecked(link.PortName, "rebooted; the boot log was not checked (listening turned off)");
        if (link.Baud != options.Baud) link.SetBaud(options.Baud);
        var tally = new Tally();
        var lines = new LineSplitter(tally.Line);
        var clock = Stopwatch.StartNew();
        var buffer = new byte[4096];
        TimeSpan? settledAt = null;
        string? interrupted = null;
        try
        {
            while (clock.Elapsed < options.Duration)
            {
                var wait = options.Duration - clock.Elapsed;
                var n = link.Read(buffer, wait < Poll ? wait : Poll, cancel);
                if (n > 0)
                {
                    tally.Bytes(buffer.AsSpan(0, n));
                    lines.Feed(buffer.AsSpan(0, n));
                }
                else lines.Flush();
                options.Listening?.Invoke(clock.Elapsed);
                if (tally.Summary.Banners >= options.LoopBanners) break;
                if (!tally.Summary.Firmware.IsEmpty && tally.Summary.Mac is not null)
                {
                    settledAt ??= clock.Elapsed;
                    if (clock.Elapsed - settledAt >= options.Settle) break;
                }
            }
        }
        catch (SerialException e) { interrupted = e.Message; }
        lines.Flush();
        return BootProofText.Read(tally, link.PortName, options.Baud, onLogPort, clock.Elapsed.TotalSeconds, interrupted);
    }

    /// <summary>What was heard so far.</summary>
    internal sealed class Tally
    {
        public BootSummary Summary { get; private set; } = BootSummary.Empty;
        public List<string> Heard { get; } = [];
        public int ByteCount { get; private set; }
        public int Unreadable { get; private set; }
        public bool AppVerifyFailed { get; private set; }

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            ByteCount += bytes.Length;
            foreach (var b in bytes)
                if (b is not ((>= 0x20 and < 0x7F) or (byte)'\r' or (byte)'\n' or (byte)'\t')) Unreadable++;
        }

        public void Line(string text)
        {
            if (Heard.Count < BootProof.KeptLines && text.Trim().Length > 0) Heard.Add(text);
            foreach (var fact in BootLogRecognizer.Recognise(text))
            {
                if (fact.Kind == BootFactKind.AppInvalid) AppVerifyFailed = true;
                Summary = Summary.Add(fact);
            }
            Summary = Summary with { Lines = Summary.Lines + 1 };
        }
    }
}
