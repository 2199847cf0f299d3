using BkTui.Core.Chips;
using BkTui.Core.Compatibility;
using BkTui.Core.Flashing;
using BkTui.Core.Formats;
using BkTui.Core.Serial;
using BkTui.Tests.Flashing;

namespace BkTui.Tests.Compatibility;

/// <summary>
/// Each row of docs/compatibility.md against the virtual chip: the chip as the link identifies it
/// (family, bootloader, eFuse key, flash size) and each family's build, through the gate.
/// </summary>
public sealed class CompatibilityTableTests
{
    private static ChipInfo Identify(ChipFamily family)
    {
        using var sim = SimEndToEndTests.Start(family);
        using var port = SerialPort.Open(sim.PtyPath);
        using var session = ChipSession.Connect(port, SimEndToEndTests.Options);
        return session.Info;
    }

    private static CompatibilityVerdict Gate(ChipInfo chip, byte[] file, string name) =>
        CompatibilityGate.Check(chip, file, FirmwareInspector.Inspect(file, name), name: name, path: name);

    private static readonly ChipFamily[] All = [ChipFamily.BK7231T, ChipFamily.BK7231N, ChipFamily.BK7231M, ChipFamily.BK7231U, ChipFamily.BK7238, ChipFamily.BK7252];

    public static TheoryData<ChipFamily> Families => new(All);

    [Theory]
    [MemberData(nameof(Families))]
    public void Each_family_takes_its_own_build_and_refuses_every_other_silicon(ChipFamily family)
    {
        var chip = Identify(family);
        Assert.Equal(family, chip.Family);
        var own = Gate(chip, GateImages.Build(family), "own.bin");
        Assert.True(own.Status == CompatibilityStatus.Compatible, own.Text);
        Assert.Equal(family, own.ImageFamily);

        foreach (var other in All.Where(o => !ImageFamilyReader.SameSilicon(o, family)))
        {
            var v = Gate(chip, GateImages.Build(other, ChipProfiles.For(family).DefaultEfuseKey), $"Open{other}.bin");
            Assert.Equal(CompatibilityStatus.Refused, v.Status);
            var text = v.Findings.Single(f => f.Aspect == "family").Text;
            Assert.Contains(other.ToString(), text);
            Assert.Contains(family.ToString(), text);
            Assert.Contains(ChipProfiles.For(family).FirmwarePrefix + "*.bin", text);
        }
    }

    /// <summary>A T build (Tuya key) on the zero-key M: refused for its family, and no key conversion offered that could not make it run.</summary>
    [Fact]
    public void A_build_for_another_silicon_is_not_offered_a_key_conversion()
    {
        var m = Identify(ChipFamily.BK7231M);
        var v = Gate(m, GateImages.Build(ChipFamily.BK7231T), "OpenBK7231T_QIO_1.18.21.bin");
        Assert.Equal(CompatibilityStatus.Refused, v.Findings.Single(f => f.Aspect == "family").Status);
        var key = v.Findings.Single(f => f.Aspect == "key");
        Assert.Equal(CompatibilityStatus.Refused, key.Status);
        Assert.DoesNotContain("image convert", v.Text);
        Assert.DoesNotContain("--allow-key-mismatch", v.Text);
        Assert.Contains("OpenBK7231M", v.Text); // the family's own build is what is offered
    }

    [Fact]
    public void A_bk7231m_takes_an_n_build_as_far_as_family_goes_and_the_key_decides()
    {
        var m = Identify(ChipFamily.BK7231M);
        var n = Gate(m, GateImages.Build(ChipFamily.BK7231N), "OpenBK7231N_QIO_1.18.21.bin");
        Assert.Equal(CompatibilityStatus.Compatible, n.Findings.Single(f => f.Aspect == "family").Status);
        var key = n.Findings.Single(f => f.Aspect == "key");
        Assert.Equal(CompatibilityStatus.Refused, key.Status);
        // The suggested conversion runs as printed: image convert needs --out.
        Assert.Contains("bktui image convert OpenBK7231N_QIO_1.18.21.bin --to-key zero --out OpenBK7231N_QIO_1.18.21_zerokey.bin", key.Text);
        // Bytes that are no file (an archived dump restored) get no command that cannot run.
        var image = GateImages.Build(ChipFamily.BK7231N);
        var dump = CompatibilityGate.Check(m, image, FirmwareInspector.Inspect(image), name: "dump 1");
        Assert.DoesNotContain("image convert", dump.Findings.Single(f => f.Aspect == "key").Text);
        Assert.Equal(CompatibilityStatus.Compatible, Gate(m, GateImages.Build(ChipFamily.BK7231M), "m.bin").Status);
    }

    [Fact]
    public void An_app_that_names_no_platform_is_unknown_until_the_user_consents()
    {
        var t = Identify(ChipFamily.BK7231T);
        var file = GateImages.Anonymous(ChipFamily.BK7231T);
        var image = FirmwareInspector.Inspect(file, "tuya_app.bin");
        var v = CompatibilityGate.Check(t, file, image, name: "tuya_app.bin");
        Assert.Equal(CompatibilityStatus.Unknown, v.Status);
        Assert.False(v.MayWrite);
        Assert.Contains("--allow-unknown-family", v.Text);
        Assert.True(CompatibilityGate.Check(t, file, image, new CompatibilityConsent { AllowUnknownFamily = true }).MayWrite);
    }

    [Fact]
    public void A_whole_dump_of_another_family_is_refused_by_its_layout()
    {
        var n = Identify(ChipFamily.BK7231N);
        var tDump = BkTui.Core.Formats.Synthesis.FlashImageBuilder.Build(new() { Family = ChipFamily.BK7231T, Seed = 3 });
        var v = Gate(n, tDump, "t-dump.bin");
        Assert.Equal(CompatibilityStatus.Refused, v.Status);
        Assert.Equal(ChipFamily.BK7231T, v.ImageFamily);
    }
}
