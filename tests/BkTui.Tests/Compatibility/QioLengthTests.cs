using BkTui.Core.Chips;
using BkTui.Core.Compatibility;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Compatibility;

/// <summary>
/// The QIO length rule per family (docs/compatibility.md "QIO lengths"): each family's
/// bootloader+app builds are accepted at the lengths its build scripts produce, and refused (exit 7
/// over the real binary and a virtual chip) when cut short — including cut to another family's length.
/// </summary>
public sealed class QioLengthTests
{
    /// <summary>The table as documented (written out here, not read from the profile, so a changed profile fails).</summary>
    public static TheoryData<ChipFamily, int> Rows => new()
    {
        { ChipFamily.BK7231T, 0x100000 }, { ChipFamily.BK7231T, 0x129F70 }, { ChipFamily.BK7231T, 0x132000 },
        { ChipFamily.BK7231N, 0x129F70 }, { ChipFamily.BK7231N, 0x132000 },
        { ChipFamily.BK7231M, 0x129F70 }, { ChipFamily.BK7231M, 0x132000 },
        { ChipFamily.BK7231U, 0x132000 },
        { ChipFamily.BK7238, 0x132000 },
        { ChipFamily.BK7252, 0x132000 },
    };

    private static byte[] Build(ChipFamily family, int length) => FlashImageBuilder.Qio(
        new FlashImageSpec { Family = family, Seed = 40 + (int)family, AppPayloadSize = 0x4000, AppBanner = $"Open{family}_1.18.21" },
        ChipProfiles.For(family).DefaultEfuseKey, length);

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_build_of_each_documented_length_is_intact_and_cut_ones_are_not(ChipFamily family, int length)
    {
        var image = Build(family, length);
        var kind = FirmwareInspector.Inspect(image);
        Assert.Equal(FirmwareKind.Qio, kind.Kind);
        Assert.Equal(family, ImageFamilyReader.Read(image, kind).Family);
        Assert.True(ImageIntegrity.Check(image, kind).Intact, ImageIntegrity.Check(image, kind).Text);

        // Cut by one sector, and cut to each shorter length of any family: refused.
        foreach (var cut in new[] { length - 0x1000 }.Concat(ImageIntegrity.QioLengths(null).Where(l => l < length)))
        {
            var part = image[..cut];
            var verdict = ImageIntegrity.Check(part, FirmwareInspector.Inspect(part));
            Assert.False(verdict.Intact, $"{family} 0x{length:X} cut to 0x{cut:X} passed");
        }
    }

    [Fact]
    public void Lengths_of_other_families_are_refused_for_a_family_that_names_itself()
    {
        // A BK7238 build padded to the Tuya N layout is not a BK7238 build.
        var t1 = Build(ChipFamily.BK7238, 0x132000);
        var asN = Build(ChipFamily.BK7231N, 0x129F70);
        Assert.Contains("not the length of a BK7238 bootloader+app", ImageIntegrity.Check(t1[..0x129F70], FirmwareInspector.Inspect(t1[..0x129F70])).Text);
        Assert.True(ImageIntegrity.Check(asN, FirmwareInspector.Inspect(asN)).Intact);
    }

    [Fact]
    public void Real_tuya_dumps_read_to_the_app_partition_end_are_intact()
    {
        var checkedDumps = 0;
        foreach (var name in SharedDumps.Names())
        {
            var dump = SharedDumps.Load(name)!;
            if (dump.Length != 0x200000 || !dump.AsSpan(0x129F0A, 4).SequenceEqual("RBL\0"u8)) continue; // the two rotated dumps have no header there
            foreach (var length in new[] { 0x129F70, 0x12A000 })
            {
                var qio = dump[..length];
                var kind = FirmwareInspector.Inspect(qio);
                Assert.Equal(FirmwareKind.Qio, kind.Kind);
                Assert.True(ImageIntegrity.Check(qio, kind).Intact, $"{name} 0x{length:X}: {ImageIntegrity.Check(qio, kind).Text}");
            }
            var cut = dump[..0x128000];
            Assert.False(ImageIntegrity.Check(cut, FirmwareInspector.Inspect(cut)).Intact, name);
            checkedDumps++;
        }
        if (SharedDumps.Names().Count > 0) Assert.True(checkedDumps >= 20, $"only {checkedDumps} real dumps checked");
    }

    /// <summary>One row per family over the real binary, the layouts taken in turn (T's 1 MiB, N's 0x132000, M's 0x129F70 …).</summary>
    public static TheoryData<ChipFamily, int> OnePerFamily()
    {
        var rows = new TheoryData<ChipFamily, int>();
        foreach (var group in Rows.Select(r => ((ChipFamily)r[0], (int)r[1])).GroupBy(r => r.Item1))
        {
            var layouts = group.ToList();
            rows.Add(group.Key, layouts[(int)group.Key % layouts.Count].Item2);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(OnePerFamily))]
    public void Write_refuses_a_cut_build_with_exit_7_and_writes_the_whole_one(ChipFamily family, int length)
    {
        using var bench = new Tests.Jobs.SimBench();
        var sim = bench.Add(family, (byte)(80 + (int)family));
        var image = Build(family, length);
        var cut = bench.File($"Open{family}_QIO_cut.bin", image[..(length - 0x1000)]);
        var refused = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", cut);
        Assert.True(refused.ExitCode == 7, refused.Stderr);
        Assert.Contains("bootloader+app (QIO) build", refused.Stderr);
        Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);

        var whole = bench.File($"Open{family}_QIO_1.18.21.bin", image);
        var written = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", whole);
        Assert.True(written.ExitCode == 0, written.Stderr);
        Assert.Equal(image[0x11000..], sim.Chip.Flash.Read(0x11000, length - 0x11000));
    }
}
