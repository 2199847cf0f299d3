using System.Diagnostics;
using System.Text;
using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

/// <summary>
/// Gets the bootloader's attention (protocol.md §2.4): stream LinkChecks at 115200 while trying
/// resets — DTR/RTS pulse, <c>reboot\n</c> to a running OpenBeken, then asking the user — all
/// inside one bounded time budget.
/// </summary>
internal sealed class Linker(BootloaderClient client, ConnectOptions options, IFlashObserver observer)
{
    public const int LinkBaud = 115200;
    private static readonly byte[] RebootText = Encoding.ASCII.GetBytes("reboot\n");

    /// <summary>Links and returns the baud the chip answered at: <paramref name="stillAt"/> (a chip that was only slow) or 115200.</summary>
    /// <param name="stillAt">A working baud the chip may still be listening at (re-link after a stall); tried first.</param>
    public int Link(CancellationToken cancel, int? stillAt = null)
    {
        var clock = Stopwatch.StartNew();
        var link = client.Link;
        var working = stillAt is { } w && w != LinkBaud ? w : (int?)null;
        if (working is { } rate && StreamAt(rate, StillAtWindow, clock, cancel)) { Linked(clock); return rate; }
        link.SetBaud(LinkBaud);
        link.DiscardInput();
        client.Scanner.Clear();
        observer.Log($"linking on {client.Port} at {LinkBaud} (budget {options.LinkTimeout.TotalSeconds:0.#} s)");

        // The chip may already be in download mode: just reset by the user, or left by an earlier
        // session at its working baud (not every adapter resets the chip when the port opens).
        if (Stream(TimeSpan.FromMilliseconds(300), clock, cancel)) { Linked(clock); return LinkBaud; }
        foreach (var other in options.BaudLadder.Concat(options.Baud is { } explicitRate ? [explicitRate] : []).Where(r => r != LinkBaud && r != stillAt).Distinct())
        {
            link.SetBaud(other);
            if (Stream(TimeSpan.FromMilliseconds(80), clock, cancel)) { Linked(clock); observer.Log($"chip was still in download mode at {other}"); return other; }
        }
        link.SetBaud(LinkBaud);

        var modemLines = options.Reset.HasFlag(ResetStrategy.ModemLines);
        var asked = false;
        for (var attempt = 1; clock.Elapsed < options.LinkTimeout; attempt++)
        {
            cancel.ThrowIfCancellationRequested();
            // A chip that stalled (seconds, without resetting) still listens at the working rate: keep
            // asking there between the resets for the whole budget, before a reset pulse so the
            // 115200 window right after it stays whole.
            if (working is { } again && StreamAt(again, StillAtWindow, clock, cancel)) { Linked(clock); return again; }
            link.SetBaud(LinkBaud);
            if (modemLines) modemLines = PulseReset(cancel);
            if (options.Reset.HasFlag(ResetStrategy.RebootText) && attempt % 3 == 1)
            {
                observer.Log("sending 'reboot' for a running OpenBeken");
                link.Write(RebootText);
            }
            if (options.Reset.HasFlag(ResetStrategy.AskUser) && !asked && (working is null ? attempt >= 3 || clock.Elapsed > options.LinkTimeout / 3 : clock.Elapsed > options.LinkTimeout / 2))
            {
                asked = true;
                var left = options.LinkTimeout - clock.Elapsed;
                observer.NeedsAttention($"{client.Port}: no answer yet — reset the device now (short CEN to GND for ¼ s, or power-cycle it); still trying for {Math.Max(0, left.TotalSeconds):0} s.");
            }
            if (Stream(TimeSpan.FromSeconds(1), clock, cancel)) { Linked(clock); return LinkBaud; }
        }
        throw Serial.PortSharing.Explain(client.Port, new NoLinkException(client.Port,
            $"no answer from the bootloader within {options.LinkTimeout.TotalSeconds:0} s. Check wiring (adapter TX→P10, RX←P11, GND), " +
            "power the chip from a separate 3.3 V supply, then reset it (CEN to GND) while BkTui is linking."));
    }

    /// <summary>How long each turn at the working rate lasts (a stalled chip answers as soon as it wakes).</summary>
    private static readonly TimeSpan StillAtWindow = TimeSpan.FromMilliseconds(400);

    private bool StreamAt(int rate, TimeSpan window, Stopwatch clock, CancellationToken cancel)
    {
        client.Link.SetBaud(rate);
        client.Link.DiscardInput();
        client.Scanner.Clear();
        return Stream(window, clock, cancel);
    }

    /// <summary>LinkCheck after LinkCheck until one is answered or the window (and the budget) ends.</summary>
    private bool Stream(TimeSpan window, Stopwatch clock, CancellationToken cancel)
    {
        var until = clock.Elapsed + window;
        while (clock.Elapsed < until && clock.Elapsed < options.LinkTimeout)
        {
            cancel.ThrowIfCancellationRequested();
            if (client.TryLinkCheck(options.Timeouts.LinkCheckWindow, cancel)) return true;
        }
        return false;
    }

    /// <summary>BKT's hw_reset: both lines asserted 100 ms. False when the port has no modem lines (pty).</summary>
    private bool PulseReset(CancellationToken cancel)
    {
        if (!client.Link.SetModemLines(true, true)) return false;
        cancel.WaitHandle.WaitOne(100);
        client.Link.SetModemLines(false, false);
        return true;
    }

    private void Linked(Stopwatch clock)
    {
        // LinkChecks sent before the chip woke may still be answered: drop those replies.
        client.Scanner.Drain(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(500));
        client.Link.DiscardInput();
        observer.Log($"linked after {clock.Elapsed.TotalMilliseconds:0} ms");
    }
}
