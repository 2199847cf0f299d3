using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

/// <summary>
/// Moves a linked chip from 115200 to the working baud, falling back down the ladder when a rate
/// does not hold (protocol.md §8.2). Every new rate is proven by LinkChecks and a CRC before use.
/// </summary>
internal sealed class BaudSwitcher(BootloaderClient client, IFlashObserver observer)
{
    /// <summary>Returns the baud both sides now use. <paramref name="verify"/> must pass at the new rate.</summary>
    public int Switch(int wanted, IReadOnlyList<int> ladder, Func<bool> verify, CancellationToken cancel)
    {
        var current = client.Link.Baud;
        var candidates = new[] { wanted }.Concat(ladder.Where(b => b < wanted)).Distinct().ToList();
        foreach (var rate in candidates)
        {
            cancel.ThrowIfCancellationRequested();
            if (rate == current) return current;
            try
            {
                client.SetBaudRate(rate, cancel: cancel);
                if (Proven(verify, cancel)) { observer.Log($"baud {rate} verified"); return rate; }
                observer.Log($"baud {rate}: echo ok but verification failed");
            }
            catch (ProtocolException e) { observer.Log($"baud {rate}: {e.Message}"); }
            current = Locate([current, rate, Linker.LinkBaud], cancel)
                ?? throw new NoLinkException(client.Port, $"the chip stopped answering while switching to {rate} baud. Reset it and retry with a lower --baud.");
        }
        return current;
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
