using BkTui.Core.Chips;
using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

/// <summary>Reads the 16 key bytes of the eFuse through ReadReg/WriteReg on FULL chips (protocol.md §10.1).</summary>
internal static class EfuseReader
{
    private const uint Control = 0x00800074;
    private const uint Result = 0x00800078;
    private const int MaxPolls = 50;

    public static EfuseKey ReadKey(BootloaderClient client, CancellationToken cancel)
    {
        var bytes = new byte[16];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = ReadByte(client, i, cancel);
        return EfuseKey.FromEfuseBytes(bytes);
    }

    private static byte ReadByte(BootloaderClient client, int index, CancellationToken cancel)
    {
        var c = client.ReadReg(Control, cancel);
        c = (c & ~0x1F02u) | (uint)(index << 8) | 1u;
        client.WriteReg(Control, c, cancel);
        for (var poll = 0; (client.ReadReg(Control, cancel) & 1) != 0; poll++)
            if (poll == MaxPolls) throw new ProtocolException(ProtocolFailure.Timeout, $"eFuse byte {index} stayed busy");
        var r = client.ReadReg(Result, cancel);
        if ((r & 0x100) == 0) throw new ProtocolException(ProtocolFailure.Mismatch, $"eFuse byte {index} read was not valid (0x{r:X})");
        return (byte)r;
    }
}
