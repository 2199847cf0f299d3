using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

/// <summary>
/// Moves a linked chip to the fastest rate that holds, falling back down the ladder when one does
/// not (protocol.md §8.2). Every new rate is proven (LinkChecks, then the caller's CRC-checked probe) before use.
/// </summary>
internal sealed class BaudSwitcher(BootloaderClient client, IFlashObserver observer, Func<int, int> relink)
{
    /// <summary>
    /// Tries <paramref name="candidates"/> fastest first and returns the baud both sides now use.
    /// <paramref name="verify"/> must pass at the new rate. A rate is given up only when the chip
    /// took it and twice did not hold: one failed proof can be a slow reply on a busy host (a
    /// perfect virtual cable failed that way at load 15), a bad cable fails both. A chip found back
    /// at the rate it came from (the switch was lost, or the chip reset meanwhile) is asked again
    /// once, and a chip found nowhere is linked again
    /// from scratch (<paramref name="relink"/>: resets, the user). Every fallback is logged with the
    /// port and both rates.
    /// </summary>
    public int Switch(IReadOnlyList<int> candidates, Func<bool> verify, CancellationToken cancel)
    {
        var current = client.Link.Baud;
        int? failed = null;
        foreach (var rate in candidates)
        {
            cancel.ThrowIfCancellationRequested();
            if (failed is { } f) observer.Log($"{BaudPlan.LogPrefix}{client.Port}: {f} baud did not hold; trying {rate}");
            failed = null;
            if (rate == current) return current;
            if (!AdapterCanDo(rate, current)) continue;
            for (var turn = 1; turn <= 2; turn++)
            {
                try
                {
                    client.SetBaudRate(rate, cancel: cancel); // also on the second turn: both sides agree only after a switch both saw
                    if (Proven(verify, cancel))
                    {
                        observer.Log($"{BaudPlan.LogPrefix}{client.Port}: {rate} baud proven (LinkChecks, bootloader CRC, a CRC-checked 4 KiB read)");
                        return rate;
                    }
                    observer.Log($"baud {rate}: echo ok but verification failed");
                }
                catch (ProtocolException e) { observer.Log($"baud {rate}: {e.Message}"); }
                var found = Locate([rate, current, Linker.LinkBaud], cancel);
                if (found is null)
                {
                    // It may have reset (115200) or be stalled at the new rate: the Linker keeps asking there too.
                    observer.Log($"the chip answered at no rate after the switch to {rate} (it reset or stalled?): linking again");
                    found = relink(rate);
                }
                current = found.Value;
                if (current == rate && turn == 2) break; // the chip sits at the rate and it failed twice: go lower
            }
            failed = rate;
        }
        if (failed is { } last) observer.Log($"{BaudPlan.LogPrefix}{client.Port}: {last} baud did not hold; staying at {current}");
        return current;
    }

    /// <summary>
    /// Asks the host's driver for the rate before the chip is told: a UART that cannot do it (a 16550
    /// stops at 115200) would leave the chip on a rate nobody listens to. The driver's answer is read
    /// back; within 3 % is what a UART tolerates.
    /// </summary>
    private bool AdapterCanDo(int rate, int current)
    {
        client.Link.SetBaud(rate);
        var actual = client.Link.Baud;
        client.Link.SetBaud(current);
        if (Math.Abs(actual - rate) <= rate * 0.03) return true;
        observer.Log($"{BaudPlan.LogPrefix}{client.Port}: the adapter cannot do {rate} baud (its driver set {actual}); trying a lower rate");
        return false;
    }

    private bool Proven(Func<bool> verify, CancellationToken cancel)
    {
        for (var i = 0; i < 2; i++)
            if (!client.TryLinkCheck(TimeSpan.FromMilliseconds(100), cancel)) return false;
        try { return verify(); }
        catch (ProtocolException) { return false; }
    }

    /// <summary>Finds the rate the chip is listening at after a failed switch.</summary>
    private int? Locate(IEnumerable<int> rates, CancellationToken cancel)
    {
        foreach (var rate in rates.Distinct())
        {
            client.Link.SetBaud(rate);
            client.Link.DiscardInput();
            client.Scanner.Clear();
            for (var i = 0; i < 4; i++)
                if (client.TryLinkCheck(TimeSpan.FromMilliseconds(50), cancel))
                {
                    client.Scanner.Drain(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(200), cancel);
                    return rate;
                }
        }
        return null;
    }
}
