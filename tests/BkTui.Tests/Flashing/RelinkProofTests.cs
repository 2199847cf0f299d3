using BkTui.Core.Chips;
using BkTui.Core.Flashing;

namespace BkTui.Tests.Flashing;

/// <summary>A session's re-link proves the same chip (fingerprint) before anything more counts.</summary>
public class RelinkProofTests
{
    private const byte CheckCrc = 0x10, Read4K = 0x09;

    [Fact]
    public void A_reset_that_brings_back_the_same_chip_is_proven_and_the_read_completes()
    {
        var (link, s) = FakeChips.Connect(ChipFamily.BK7231N);
        Assert.NotNull(s.Info.Fingerprint);
        var reads = 0;
        link.Faults = (_, op) => op == Read4K && ++reads == 3 ? FakeChipLink.Fault.Reset : FakeChipLink.Fault.None;
        Assert.Equal(link.Flash.AsSpan(0, 0x20000).ToArray(), s.Read(0, 0x20000));
        Assert.True(reads > 3);
    }

    [Fact]
    public void A_reset_after_which_another_board_answers_fails_with_both_fingerprints()
    {
        var (link, s) = FakeChips.Connect(ChipFamily.BK7231N);
        var reads = 0;
        link.Faults = (_, op) =>
        {
            if (op != Read4K || ++reads != 3) return FakeChipLink.Fault.None;
            // Another board on the same adapter: its RF calibration (and MAC) differ.
            link.Flash[(int)ChipProfiles.For(ChipFamily.BK7231N).RfOffset + 0x40] ^= 0x5A;
            return FakeChipLink.Fault.Reset;
        };
        var e = Assert.Throws<DeviceChangedException>(() => s.Read(0, 0x20000));
        Assert.Contains("different chip", e.Message);
        Assert.Contains("RF sector CRC", e.Message);
        Assert.Equal(s.Info.Fingerprint, e.Before);
        Assert.NotEqual(e.Before.RfCrc, e.Now.RfCrc);
    }

    [Fact]
    public void A_write_may_change_the_regions_it_writes_without_the_chip_counting_as_another()
    {
        var (link, s) = FakeChips.Connect(ChipFamily.BK7231N);
        var app = new byte[0x10000];
        new Random(3).NextBytes(app);
        var start = link.Commands;
        var resets = 0;
        link.Faults = (n, op) => op == CheckCrc && n - start > 40 && resets++ == 0 ? FakeChipLink.Fault.Reset : FakeChipLink.Fault.None;
        s.Write(ChipProfiles.For(ChipFamily.BK7231N).AppOffset, app);
        Assert.True(resets > 1);
        Assert.Equal(app, link.Flash.AsSpan(0x11000, app.Length).ToArray());
    }

    [Fact]
    public void Identification_survives_a_reset_while_the_first_bootloader_CRC_is_asked()
    {
        // The first CRC of the session fails twice, the second time because the chip reset: the
        // re-link must not compare against a bootloader CRC that was never read.
        var link = new FakeChipLink(ChipFamily.BK7231N, FakeChips.Image(ChipFamily.BK7231N));
        var crcs = 0;
        link.Faults = (_, op) => op != CheckCrc ? FakeChipLink.Fault.None : ++crcs switch
        {
            1 => FakeChipLink.Fault.Drop,
            2 => FakeChipLink.Fault.Reset,
            _ => FakeChipLink.Fault.None,
        };
        var s = ChipSession.Connect(link, FakeChips.Options());
        Assert.Equal(ChipFamily.BK7231N, s.Info.Family);
        Assert.True(crcs > 2);
    }
}
