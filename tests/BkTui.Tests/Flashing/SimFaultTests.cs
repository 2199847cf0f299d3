using BkTui.Cli;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Serial;
using BkTui.Simulator;

namespace BkTui.Tests.Flashing;

/// <summary>
/// Every fault kind of the virtual chip during a read and a write over a real pty: each run ends
/// verified or with a clear error; flash outside the target range is untouched; no partial file.
/// </summary>
public class SimFaultTests
{
    /// <summary>Bytes the chip sends while a session connects (measured, so fault positions land inside the operation).</summary>
    private static long ConnectBytes(ChipFamily family)
    {
        using var sim = SimEndToEndTests.Start(family);
        using var port = SerialPort.Open(sim.PtyPath);
        using var s = ChipSession.Connect(port, SimEndToEndTests.Options);
        return sim.Chip.BytesSent;
    }

    [Theory]
    [InlineData("drop")]
    [InlineData("flip")]
    [InlineData("stall")]
    [InlineData("reset")]
    public void ReadEndsVerifiedDespiteTheFault(string kind)
    {
        var at = ConnectBytes(ChipFamily.BK7231N) + 150_000;
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231N, kind == "stall" ? $"stall@{at}:1200" : $"{kind}@{at}");
        using var port = SerialPort.Open(sim.PtyPath);
        using var s = ChipSession.Connect(port, SimEndToEndTests.Options);
        var data = s.Read(0, s.Info.FlashSize);
        Assert.NotEmpty(sim.Chip.FiredFaults);
        Assert.Equal(sim.Chip.Flash.Snapshot(), data);
    }

    [Theory]
    [InlineData(ChipFamily.BK7231T, "drop")]
    [InlineData(ChipFamily.BK7231N, "flip")]
    [InlineData(ChipFamily.BK7231M, "stall")]
    [InlineData(ChipFamily.BK7231N, "reset")]
    [InlineData(ChipFamily.BK7231T, "reset")]
    public void WriteEndsVerifiedDespiteTheFault(ChipFamily family, string kind)
    {
        var at = ConnectBytes(family) + 1_200;
        using var sim = SimEndToEndTests.Start(family, kind == "stall" ? $"stall@{at}:1200" : $"{kind}@{at}");
        var before = sim.Chip.Flash.Snapshot();
        var data = new byte[0x40000];
        new Random(11).NextBytes(data);
        using (var port = SerialPort.Open(sim.PtyPath))
        using (var s = ChipSession.Connect(port, SimEndToEndTests.Options))
            s.Write(0x20000, data);
        Assert.NotEmpty(sim.Chip.FiredFaults);
        var after = sim.Chip.Flash.Snapshot();
        Assert.Equal(data, after.AsSpan(0x20000, data.Length).ToArray());
        Assert.Equal(before.AsSpan(0, 0x20000).ToArray(), after.AsSpan(0, 0x20000).ToArray());
        Assert.Equal(before.AsSpan(0x60000).ToArray(), after.AsSpan(0x60000).ToArray());
    }

    [Fact]
    public void UnplugDuringWriteIsAClearErrorAndTouchesNothingOutsideTheRange()
    {
        var at = ConnectBytes(ChipFamily.BK7231N) + 1_200;
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231N, $"unplug@{at}");
        var before = sim.Chip.Flash.Snapshot();
        using var port = SerialPort.Open(sim.PtyPath);
        using var s = ChipSession.Connect(port, SimEndToEndTests.Options);
        var e = Assert.Throws<DeviceGoneException>(() => s.Write(0x20000, new byte[0x40000]));
        Assert.Contains(sim.PtyPath, e.Message);
        var after = sim.Chip.Flash.Snapshot();
        Assert.Equal(before.AsSpan(0, 0x20000).ToArray(), after.AsSpan(0, 0x20000).ToArray());
        Assert.Equal(before.AsSpan(0x60000).ToArray(), after.AsSpan(0x60000).ToArray());
    }

    [Fact]
    public async Task CliReadWritesTheVerifiedFile()
    {
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231T);
        var path = Path.Combine(Path.GetTempPath(), $"bktui-read-{Guid.NewGuid():N}.bin");
        try
        {
            var code = await CliApp.RunAsync(["read", "--port", sim.PtyPath, "--out", path, "--start", "0x100000", "--length", "0x80000"]);
            Assert.Equal(ExitCodes.Ok, code);
            Assert.Equal(sim.Chip.Flash.Read(0x100000, 0x80000), File.ReadAllBytes(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task CliReadLeavesNoPartialFileWhenTheAdapterIsUnplugged()
    {
        var at = ConnectBytes(ChipFamily.BK7231N) + 200_000;
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231N, $"unplug@{at}");
        var dir = Directory.CreateTempSubdirectory("bktui-read-");
        try
        {
            var path = Path.Combine(dir.FullName, "backup.bin");
            var code = await CliApp.RunAsync(["read", "--port", sim.PtyPath, "--out", path]);
            Assert.Equal(ExitCodes.DeviceGone, code);
            Assert.Empty(dir.GetFiles());
        }
        finally { dir.Delete(recursive: true); }
    }
}

/// <summary>Seeded random drops, flips and stalls over a whole backup and a write.</summary>
public class SimRandomFaultTests
{
    [Theory]
    [InlineData(ChipFamily.BK7231N, 7)]
    [InlineData(ChipFamily.BK7231T, 8)]
    public void BackupAndWriteEndVerifiedUnderRandomFaults(ChipFamily family, int seed)
    {
        using var sim = SimEndToEndTests.Start(family, $"random:6:{seed}");
        using var port = SerialPort.Open(sim.PtyPath);
        using var s = ChipSession.Connect(port, SimEndToEndTests.Options);
        Assert.Equal(sim.Chip.Flash.Snapshot(), s.Read(0, s.Info.FlashSize));
        var data = new byte[0x30000];
        new Random(seed).NextBytes(data);
        s.Write(0x40000, data);
        Assert.Equal(data, sim.Chip.Flash.Read(0x40000, data.Length));
        Assert.NotEmpty(sim.Chip.FiredFaults);
    }
}
