using System.Diagnostics;
using BkTui.Core.Chips;
using BkTui.Core.Serial;
using BkTui.Simulator;

namespace BkTui.Tests.Simulator;

/// <summary>The virtual chip on a real pty, opened like a serial port.</summary>
public class SimHostTests
{
    /// <summary>Generous link window: on a loaded test machine the first LinkCheck can come late.</summary>
    internal static readonly TimeSpan LongWindow = TimeSpan.FromSeconds(5);

    internal static byte[] ReadExactly(ISerialLink port, int count, double seconds = 5)
    {
        var buf = new byte[count];
        int got = 0;
        var end = DateTime.UtcNow.AddSeconds(seconds);
        while (got < count && DateTime.UtcNow < end)
            got += port.Read(buf.AsSpan(got), TimeSpan.FromMilliseconds(50));
        Assert.True(got == count, $"expected {count} bytes from {port.PortName}, got {got}");
        return buf;
    }

    /// <summary>Sends LinkCheck until the chip answers (bounded), like a host does after a reset.</summary>
    internal static void Link(ISerialLink port)
    {
        var buf = new byte[64];
        var seen = new List<byte>();
        for (int i = 0; i < 200; i++)
        {
            port.Write(Hex.Parse("01 E0 FC 01 00"));
            int n = port.Read(buf, TimeSpan.FromMilliseconds(20));
            seen.AddRange(buf.AsSpan(0, n).ToArray());
            if (Hex.Of(seen.ToArray()).Contains("040E0501E0FC0100")) { port.Read(buf, TimeSpan.FromMilliseconds(30)); port.DiscardInput(); return; }
        }
        Assert.Fail("no LinkCheck reply from the virtual chip within 200 tries");
    }

    [Fact]
    public void HostOpensPty_LinksAndReadsFlash()
    {
        using var sim = SimHost.Start(new SimOptions { LinkWindow = LongWindow, Family = ChipFamily.BK7231N, WireModel = false });
        using var port = SerialPort.Open(sim.PtyPath);
        Link(port);
        port.Write(Hex.Parse("01 E0 FC FF F4 05 00 09 00 00 1D 00"));
        var r = ReadExactly(port, 4111);
        Assert.Equal(sim.Chip.Flash.Read(0x1D0000, 4096), r.AsSpan(15).ToArray());
        Assert.Equal("TLV\0"u8.ToArray(), r.AsSpan(15, 4).ToArray());
    }

    [Fact]
    public void LinkSymlink_PointsAtPty_AndIsRemoved()
    {
        var link = Path.Combine(Path.GetTempPath(), $"bktui-sim-{Guid.NewGuid():N}");
        using (var sim = SimHost.Start(new SimOptions { LinkWindow = LongWindow, Family = ChipFamily.BK7231T, WireModel = false, LinkPath = link }))
        {
            Assert.Equal(sim.PtyPath, new FileInfo(link).LinkTarget);
            using var port = SerialPort.Open(link);
            Link(port);
        }
        Assert.False(File.Exists(link) || new FileInfo(link).LinkTarget is not null);
    }

    [Fact]
    public async Task SimVerb_PrintsPtyFirst_ServesAndExitsZeroOnSigterm()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "bktui.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, "sim", "--chip", "BL2028N", "--no-wire-model", "--link-window", "5000"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        try
        {
            var first = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.NotNull(first);
            Assert.StartsWith("PTY /dev/pts/", first);
            using (var port = SerialPort.Open(first![4..]))
            {
                Link(port);
                port.Write(Hex.Parse("01 E0 FC 05 03 00 00 80 00"));
                Assert.Equal("040E0C01E0FC03000080001C230700", Hex.Of(ReadExactly(port, 15)));
            }
            using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString()])) kill!.WaitForExit();
            Assert.True(p.WaitForExit(10_000), "sim did not stop on SIGTERM");
            Assert.Equal(0, p.ExitCode);
        }
        finally
        {
            if (!p.HasExited) p.Kill();
        }
    }
}

public class SimHostImageTests
{
    private static readonly TimeSpan LongWindow = SimHostTests.LongWindow;

    [Fact]
    public void ImageFile_WithPersist_OverThePty_WithTheWireModel()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bktui-sim-{Guid.NewGuid():N}.bin");
        var image = ImageSynthesizer.Create(ChipFamily.BK7231T);
        File.WriteAllBytes(path, image);
        try
        {
            using (var sim = SimHost.Start(new SimOptions { LinkWindow = LongWindow, Family = ChipFamily.BK7231T, ImagePath = path, Persist = true }))
            {
                using var port = SerialPort.Open(sim.PtyPath);
                SimHostTests.Link(port);
                port.Write(Requests.Erase(0x20, 0x1F0000));
                Assert.Equal(0, Requests.Status(SimHostTests.ReadExactly(port, Requests.EraseReply)));
                port.Write(Requests.Crc(0x1F0000, 0x1F1000));
                Assert.Equal(BekenCrc32.ErasedSector4K, Requests.CrcValue(SimHostTests.ReadExactly(port, Requests.CrcReply)));
            }
            var after = File.ReadAllBytes(path);
            Assert.All(after.AsSpan(0x1F0000, 0x1000).ToArray(), b => Assert.Equal(0xFF, b));
            image.AsSpan(0x1F0000, 0x1000).Fill(0xFF);
            Assert.Equal(image, after);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void PersistWithoutImage_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => SimHost.Start(new SimOptions { LinkWindow = SimHostTests.LongWindow, Persist = true }));
        Assert.Contains("--image", e.Message);
    }
}
