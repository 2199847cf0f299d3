using BkTui.Core.Protocol;

namespace BkTui.Tests.Protocol;

public class ResponseScannerTests
{
    private static readonly byte[] LinkReply = [0x04, 0x0E, 0x05, 0x01, 0xE0, 0xFC, 0x01, 0x00];
    private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(200);

    private static byte[] CrcReply(uint crc) => [0x04, 0x0E, 0x08, 0x01, 0xE0, 0xFC, 0x10, (byte)crc, (byte)(crc >> 8), (byte)(crc >> 16), (byte)(crc >> 24)];

    [Fact]
    public void FindsTheReplyBehindBootLogGarbage()
    {
        var log = "\r\nBK7231n_1.0.11\r\n[Flash]id:0xeb6015\r\n\x04\x0e junk \x04"u8.ToArray();
        var scanner = new ResponseScanner(new ScriptedLink([.. log, .. LinkReply]));
        var r = scanner.Receive(ResponseSpec.ShortFixed(0x01, 1), Wait);
        Assert.Equal(0x00, r.Payload[0]);
        Assert.True(scanner.SkippedBytes >= log.Length);
    }

    [Fact]
    public void ReassemblesAReplySplitAcrossReads()
    {
        var reply = CrcReply(0xB4052023);
        var scanner = new ResponseScanner(new ScriptedLink(reply[..1], reply[1..5], reply[5..]));
        var r = scanner.Receive(ResponseSpec.ShortFixed(0x10, 4), Wait);
        Assert.Equal(0xB4052023u, BitConverter.ToUInt32(r.Payload));
    }

    [Fact]
    public void SkipsStaleFramesThatFailTheEchoCheck()
    {
        byte[] Reg(uint addr, uint val) => [0x04, 0x0E, 0x0C, 0x01, 0xE0, 0xFC, 0x03, .. BitConverter.GetBytes(addr), .. BitConverter.GetBytes(val)];
        var scanner = new ResponseScanner(new ScriptedLink([.. Reg(0x800074, 1), .. Reg(0x800000, 0x7231C)]));
        var r = scanner.Receive(ResponseSpec.ShortFixed(0x03, 8, x => BitConverter.ToUInt32(x.Payload) == 0x800000), Wait);
        Assert.Equal(0x7231Cu, BitConverter.ToUInt32(r.Payload, 4));
        Assert.Equal(1, scanner.RejectedFrames);
    }

    [Fact]
    public void SkipsAFrameOfTheOtherFamily()
    {
        // A long reply with code 0x0F (FlashErase) must not satisfy a short SetBaudRate (0x0F) wait.
        byte[] longErase = [0x04, 0x0E, 0xFF, 0x01, 0xE0, 0xFC, 0xF4, 0x07, 0x00, 0x0F, 0x00, 0x20, 0x00, 0x10, 0x01, 0x00];
        byte[] shortBaud = [0x04, 0x0E, 0x09, 0x01, 0xE0, 0xFC, 0x0F, 0x00, 0x10, 0x0E, 0x00, 0x14];
        var scanner = new ResponseScanner(new ScriptedLink([.. longErase, .. shortBaud]));
        var r = scanner.Receive(ResponseSpec.ShortFixed(0x0F, 5), Wait);
        Assert.False(r.IsLong);
        Assert.Equal(new byte[] { 0x00, 0x10, 0x0E, 0x00, 0x14 }, r.Payload);
    }

    [Fact]
    public void TimesOutOnSilenceAndOnAnIncompleteFrame()
    {
        var silent = new ResponseScanner(new ScriptedLink());
        var e = Assert.Throws<ProtocolException>(() => silent.Receive(ResponseSpec.ShortFixed(0x01, 1), TimeSpan.FromMilliseconds(30)));
        Assert.Equal(ProtocolFailure.Timeout, e.Failure);

        var cut = new ResponseScanner(new ScriptedLink(CrcReply(1)[..8]));
        Assert.Throws<ProtocolException>(() => cut.Receive(ResponseSpec.ShortFixed(0x10, 4), TimeSpan.FromMilliseconds(30)));
    }

    [Fact]
    public void AHugeBogusLengthIsTreatedAsGarbageNotAwaited()
    {
        byte[] bogus = [0x04, 0x0E, 0xFF, 0x01, 0xE0, 0xFC, 0xF4, 0xFF, 0xFF, 0x09, 0x00];
        byte[] good = [0x04, 0x0E, 0xFF, 0x01, 0xE0, 0xFC, 0xF4, 0x04, 0x00, 0x0C, 0x00, 0x05, 0x1C];
        var scanner = new ResponseScanner(new ScriptedLink([.. bogus, .. good]));
        var r = scanner.Receive(new ResponseSpec(true, 0x0C, 2, 2), Wait);
        Assert.Equal(0x1C, r.Payload[1]);
    }

    [Fact]
    public void ClientReportsANonZeroStatusOnRead()
    {
        byte[] bad = [0x04, 0x0E, 0xFF, 0x01, 0xE0, 0xFC, 0xF4, 0x06, 0x00, 0x09, 0x05, 0x00, 0x10, 0x01, 0x00];
        var client = new BootloaderClient(new ScriptedLink(bad));
        var e = Assert.Throws<ProtocolException>(() => client.FlashRead4K(0x11000));
        Assert.Equal(ProtocolFailure.BadStatus, e.Failure);
    }

    [Fact]
    public void FlashIdAcceptsBothLengthVariants()
    {
        byte[] six = [0x04, 0x0E, 0xFF, 0x01, 0xE0, 0xFC, 0xF4, 0x06, 0x00, 0x0E, 0x00, 0x00, 0xEB, 0x60, 0x15];
        byte[] five = [0x04, 0x0E, 0xFF, 0x01, 0xE0, 0xFC, 0xF4, 0x05, 0x00, 0x0E, 0x00, 0xEB, 0x60, 0x15];
        Assert.Equal(0x1560EBu, new BootloaderClient(new ScriptedLink(six)).FlashGetMid());
        Assert.Equal(0x1560EBu, new BootloaderClient(new ScriptedLink(five)).FlashGetMid());
    }
}
