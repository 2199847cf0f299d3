using System.Buffers.Binary;
using System.Text;
using BkTui.Core.Serial;

namespace BkTui.Core.Protocol;

/// <summary>
/// The download protocol's commands as methods (protocol.md §4): one request, one checked reply.
/// Every reply is matched by family, code, length and — where the chip echoes the request — the
/// echo; status bytes are checked where the anchors check them. No retries here: the flashing
/// layer decides what to retry. Not thread-safe (one owner per port).
/// </summary>
public sealed class BootloaderClient(ISerialLink link, ProtocolTimeouts? timeouts = null)
{
    public ISerialLink Link { get; } = link;
    public ProtocolTimeouts Timeouts { get; } = timeouts ?? ProtocolTimeouts.Default;
    public ResponseScanner Scanner { get; } = new(link);
    public string Port => Link.PortName;

    /// <summary>Bytes written and received as replies (for the benchmark's overhead figures).</summary>
    public long BytesSent { get; private set; }
    public long BytesReceived { get; private set; }
    /// <summary>Erase commands answered, by size (the benchmark charges modelled erase time from these).</summary>
    public int Erases4K { get; private set; }
    public int Erases64K { get; private set; }
    /// <summary>Sectors received by FlashRead4K and CheckCRC answers (what a read transferred and how it verified).</summary>
    public int Reads4K { get; private set; }
    public int Crcs { get; private set; }

    /// <summary>Sends one LinkCheck and waits <paramref name="window"/> for its reply, keeping earlier bytes (linking streams these).</summary>
    public bool TryLinkCheck(TimeSpan window, CancellationToken cancel = default)
    {
        Send(CommandFrame.LinkCheck());
        try
        {
            var r = Scanner.Receive(ResponseSpec.ShortFixed(0x01, 1), window + Wire(13), cancel);
            BytesReceived += 8;
            return r.Payload[0] == 0x00;
        }
        catch (ProtocolException) { return false; }
    }

    public uint ReadReg(uint address, CancellationToken cancel = default)
    {
        var r = Exchange(CommandFrame.ReadReg(address), ResponseSpec.ShortFixed((byte)ShortOpcode.ReadReg, 8, EchoU32(0, address)), Timeouts.Command, cancel);
        return BinaryPrimitives.ReadUInt32LittleEndian(r.Payload.AsSpan(4));
    }

    public void WriteReg(uint address, uint value, CancellationToken cancel = default) =>
        Exchange(CommandFrame.WriteReg(address, value),
            ResponseSpec.ShortFixed((byte)ShortOpcode.WriteReg, 8, r => U32(r, 0) == address && U32(r, 4) == value), Timeouts.Command, cancel);

    /// <summary>
    /// Asks the chip to switch, switches the host after half the delay, and reads the echo at the new
    /// rate (protocol.md §8.2). On failure the host stays at the new rate; the caller probes.
    /// </summary>
    public void SetBaudRate(int baud, byte delayMs = 20, CancellationToken cancel = default)
    {
        var frame = CommandFrame.SetBaudRate((uint)baud, delayMs);
        Link.DiscardInput();
        Scanner.Clear();
        Send(frame);
        Link.DrainOutput();
        // tcdrain returns when the driver is empty; the adapter FIFO may still hold a few bytes.
        Thread.Sleep(TimeSpan.FromMilliseconds(delayMs / 2.0) + Wire(frame.Length));
        Link.SetBaud(baud);
        var echo = frame.AsSpan(5).ToArray();
        var r = Scanner.Receive(ResponseSpec.ShortFixed((byte)ShortOpcode.SetBaudRate, 5, r => r.Payload.AsSpan().SequenceEqual(echo)),
            Timeouts.Command + Wire(24), cancel);
        BytesReceived += 3 + 4 + r.Payload.Length;
    }

    /// <summary>Raw chip CRC register (no final inversion) for [start, endField]; the end rule is the caller's (ChipProfile.CrcEnd).</summary>
    public uint CheckCrc(uint start, uint endField, uint length, CancellationToken cancel = default)
    {
        var r = Exchange(CommandFrame.CheckCrc(start, endField), ResponseSpec.ShortFixed((byte)ShortOpcode.CheckCrc, 4), Timeouts.Crc(length), cancel);
        Crcs++;
        return U32(r, 0);
    }

    /// <summary>Tuya T bootloaders answer with ASCII; "" for the "no version" byte 07; null when nothing answers.</summary>
    public string? ReadBootVersion(TimeSpan timeout, CancellationToken cancel = default)
    {
        try
        {
            var r = Exchange(CommandFrame.ReadBootVersion(), new ResponseSpec(false, (byte)ShortOpcode.ReadBootVersion, 1, 250), timeout, cancel);
            if (r.Payload is [0x07]) return "";
            return Encoding.ASCII.GetString(r.Payload).Trim('\0', ' ');
        }
        catch (ProtocolException) { return null; }
    }

    /// <summary>No reply is defined; bkWriter repeats it, so we send it three times.</summary>
    public void Reboot()
    {
        for (var i = 0; i < 3; i++) Send(CommandFrame.Reboot());
        Link.DrainOutput();
    }

    /// <summary>Reads one 4 KiB sector at the wire address (mirror translation is the caller's).</summary>
    public byte[] FlashRead4K(uint address, CancellationToken cancel = default)
    {
        var r = Exchange(CommandFrame.FlashRead4K(address),
            ResponseSpec.LongFixed((byte)LongOpcode.FlashRead4K, 4 + FlashGeometry.SectorSize, EchoU32(0, address)),
            Timeouts.Read4K, cancel, replyBytes: 15 + FlashGeometry.SectorSize);
        CheckStatus(r, address);
        Reads4K++;
        return r.Payload.AsSpan(4).ToArray();
    }

    /// <summary>
    /// Programs one sector. A well-formed reply echoing another address means the chip wrote THERE (the
    /// address was damaged on the way; commands carry no checksum): recorded in <see cref="ActedElsewhere"/>
    /// and failed as a mismatch, never skipped as stale — the caller retries and repairs the other place.
    /// </summary>
    public void FlashWrite4K(uint address, ReadOnlySpan<byte> sector, CancellationToken cancel = default)
    {
        var r = Exchange(CommandFrame.FlashWrite4K(address, sector),
            ResponseSpec.LongFixed((byte)LongOpcode.FlashWrite4K, 4), Timeouts.Write4K, cancel);
        CheckStatus(r, address);
        if (U32(r, 0) != address) ActedAt("write", address, U32(r, 0), FlashGeometry.SectorSize);
    }

    /// <summary>Erases a sector or block; an echo of another address (or size) is recorded and failed as in <see cref="FlashWrite4K"/>.</summary>
    public void FlashErase(EraseSize size, uint address, CancellationToken cancel = default)
    {
        var r = Exchange(CommandFrame.FlashErase(size, address),
            ResponseSpec.LongFixed((byte)LongOpcode.FlashErase, 5),
            size == EraseSize.Block64K ? Timeouts.Erase64K : Timeouts.Erase4K, cancel);
        CheckStatus(r, address);
        if (U32(r, 1) != address || r.Payload[0] != (byte)size)
            ActedAt("erase", address, U32(r, 1), EraseSpan(r.Payload[0]) ?? (uint)(size == EraseSize.Block64K ? FlashGeometry.BlockSize : FlashGeometry.SectorSize));
        if (size == EraseSize.Block64K) Erases64K++; else Erases4K++;
    }

    /// <summary>
    /// Erases and writes the chip answered for another address than asked, since this list was last
    /// cleared: each is a place the chip acted on outside the request (the flashing layer repairs it).
    /// </summary>
    public List<MisdirectedCommand> ActedElsewhere { get; } = [];

    private void ActedAt(string command, uint requested, uint echoed, uint length)
    {
        ActedElsewhere.Add(new MisdirectedCommand(command, requested, echoed, length));
        throw new ProtocolException(ProtocolFailure.Mismatch,
            $"the chip answered the {command} of 0x{requested:X6} for 0x{echoed:X6}: it acted there (the address was damaged on the way)");
    }

    private static uint? EraseSpan(byte spiOpcode) => spiOpcode switch { 0x20 => 0x1000, 0x52 => 0x8000, 0xD8 => 0x10000, _ => null };

    public byte FlashReadSr(byte readOpcode, CancellationToken cancel = default)
    {
        var r = Exchange(CommandFrame.FlashReadSr(readOpcode),
            ResponseSpec.LongFixed((byte)LongOpcode.FlashReadSr, 2, r => r.Payload[0] == readOpcode), Timeouts.Command, cancel);
        return r.Payload[1];
    }

    /// <summary>Writes the status register: 8-bit form for 1-byte parts, 16-bit (SR2 high) otherwise (protocol.md §4.14).</summary>
    public void FlashWriteSr(byte writeOpcode, ushort value, bool sixteenBit, CancellationToken cancel = default)
    {
        if (sixteenBit)
            Exchange(CommandFrame.FlashWriteSr16(writeOpcode, value),
                ResponseSpec.LongFixed((byte)LongOpcode.FlashWriteSr, 3, r => r.Payload[0] == writeOpcode && r.Payload[1] == (byte)value && r.Payload[2] == (byte)(value >> 8)),
                Timeouts.Command, cancel);
        else
            Exchange(CommandFrame.FlashWriteSr8(writeOpcode, (byte)value),
                ResponseSpec.LongFixed((byte)LongOpcode.FlashWriteSr, 2, r => r.Payload[0] == writeOpcode && r.Payload[1] == (byte)value),
                Timeouts.Command, cancel);
    }

    /// <summary>JEDEC ID as GFT forms it: m0 | m1 &lt;&lt; 8 | m2 &lt;&lt; 16. Accepts LEN 5 or 6 (protocol.md §4.15 quirk).</summary>
    public uint FlashGetMid(CancellationToken cancel = default)
    {
        var r = Exchange(CommandFrame.FlashGetMid(), new ResponseSpec(true, (byte)LongOpcode.FlashGetMid, 3, 4), Timeouts.Command, cancel);
        var p = r.Payload.AsSpan(r.Payload.Length - 3);
        return (uint)(p[0] | p[1] << 8 | p[2] << 16);
    }

    private Response Exchange(byte[] frame, ResponseSpec spec, TimeSpan chipTime, CancellationToken cancel, int replyBytes = 32)
    {
        // A fresh command never wants an older reply: drop whatever is waiting (GFT), then scan (BKT).
        Link.DiscardInput();
        Scanner.Clear();
        Send(frame);
        var r = Scanner.Receive(spec, chipTime + Wire(frame.Length + replyBytes), cancel);
        BytesReceived += (r.IsLong ? 11 : 7) + r.Payload.Length;
        return r;
    }

    private void Send(byte[] frame)
    {
        Link.Write(frame);
        BytesSent += frame.Length;
    }

    private TimeSpan Wire(int bytes) => Timeouts.Wire(bytes, Link.Baud);

    private void CheckStatus(Response r, uint address)
    {
        if (r.Status != 0)
            throw new ProtocolException(ProtocolFailure.BadStatus, $"chip answered status 0x{r.Status:X2} to command 0x{r.Code:X2} at 0x{address:X6}");
    }

    private static uint U32(Response r, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(r.Payload.AsSpan(offset));

    private static Func<Response, bool> EchoU32(int offset, uint value) => r => r.Payload.Length >= offset + 4 && U32(r, offset) == value;
}
