using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

/// <summary>
/// Clears the SPI flash block-protection bits before erase/write and puts the original value back
/// afterwards (protocol.md §11.2-11.3). FULL (BootROM) chips only; others handle it themselves.
/// </summary>
internal sealed class FlashProtection(BootloaderClient client, FlashPart? part, IFlashObserver observer)
{
    private const int MaxWrites = 10;
    private ushort? _original;

    public bool Applicable => part is { SrBytes: > 0, SrWrite: not null, ProtectMask: > 0 };

    public void Unprotect(CancellationToken cancel)
    {
        if (!Applicable) return;
        var sr = Read(cancel);
        _original ??= sr;
        for (var i = 0; (sr & part!.ProtectMask) != 0; i++)
        {
            if (i == MaxWrites)
                throw new FlashException(client.Port, null, $"the flash ({part.Name}) keeps its write protection (SR 0x{sr:X4}). Power-cycle the device and retry.");
            var target = (ushort)(sr & ~part.ProtectMask);
            observer.Log($"unprotecting {part.Name}: SR 0x{sr:X4} → 0x{target:X4}");
            client.FlashWriteSr(part.SrWrite!.Value, target, part.SixteenBitWrite, cancel);
            Thread.Sleep(10);
            sr = Read(cancel);
        }
    }

    /// <summary>Restores the protection bits found at the first unprotect (no-op when they were clear).</summary>
    public void Restore(CancellationToken cancel)
    {
        if (!Applicable || _original is not { } o || (o & part!.ProtectMask) == 0) return;
        var sr = Read(cancel);
        if ((sr & part.ProtectMask) == (o & part.ProtectMask)) return;
        observer.Log($"re-protecting {part.Name}: SR → 0x{o:X4}");
        client.FlashWriteSr(part.SrWrite!.Value, o, part.SixteenBitWrite, cancel);
    }

    private ushort Read(CancellationToken cancel)
    {
        var v = 0;
        for (var i = 0; i < Math.Min(part!.SrBytes, 2); i++)
            v |= client.FlashReadSr(part.SrRead[i], cancel) << (8 * i);
        return (ushort)v;
    }
}
