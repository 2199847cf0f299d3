using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Simulator;

namespace BkTui.Tests.Archive;

/// <summary><c>bktui read</c> over a virtual chip archives the dump under the chip's MAC by default.</summary>
public class ReadArchivingTests
{
    [Fact]
    public void ReadArchivesByDefaultAndNotWithNoArchive()
    {
        using var t = new TempArchive();
        var mac = new byte[] { 0xC8, 0x47, 0x8C, 0x11, 0x22, 0x33 };
        var image = ImageSynthesizer.Create(ChipFamily.BK7231N, mac: mac);
        using var sim = SimHost.Start(new SimOptions { Family = ChipFamily.BK7231N, Image = image, WireModel = false });
        var file = Path.Combine(t.Scratch, "read.bin");

        var read = BktuiProcess.Run("read", "--port", sim.PtyPath, "--out", file, "--archive", t.Root, "--link-timeout", "10");
        Assert.True(read.Code == 0, read.Err);
        Assert.Contains("archived as dump #", read.Err);

        using var archive = DumpArchive.Open(t.Root);
        var dump = Assert.Single(archive.ListDumps());
        Assert.Equal("C8:47:8C:11:22:33", dump.Mac);
        Assert.Equal(DumpSourceKind.Port, dump.Source.Kind);
        Assert.Equal(File.ReadAllBytes(file), archive.ReadDumpBytes(dump.Id));
        var device = archive.GetDevice("C8:47:8C:11:22:33")!;
        Assert.Equal("BK7231N", device.Chip);
        Assert.True(device.BaudByAdapter.ContainsKey(sim.PtyPath));

        var other = Path.Combine(t.Scratch, "other-archive");
        var skipped = BktuiProcess.Run("read", "--port", sim.PtyPath, "--out", file, "--archive", other, "--no-archive", "--link-timeout", "10");
        Assert.True(skipped.Code == 0, skipped.Err);
        Assert.False(Directory.Exists(other));
    }
}
