using BkTui.Cli;
using BkTui.Core.Compatibility;
using BkTui.Core.Flashing;
using BkTui.Core.Formats;
using BkTui.Core.Serial;

namespace BkTui.Tests.Cli;

/// <summary>
/// The demo brings a build for each of its chips, so f has something to flash; each build passes the
/// flash gate on its own virtual chip (identified over the demo's port) and is refused on the others.
/// </summary>
public sealed class DemoFirmwareTests
{
    [Fact]
    public void Each_demo_chip_takes_its_own_demo_build_and_refuses_the_others()
    {
        string folder;
        using (var demo = DemoBench.Start(archiveOption: null))
        {
            Assert.Equal(DemoBench.Chips.Select(c => c.Family).Distinct().Count(), demo.Firmware.Count);
            folder = Path.GetDirectoryName(demo.Firmware[0])!;
            foreach (var (chip, port) in DemoBench.Chips.Zip(demo.Ports))
            {
                using var link = SerialPort.Open(port.Path);
                using var session = ChipSession.Connect(link, new ConnectOptions { Baud = DemoBench.DemoBaud });
                Assert.Equal(chip.Family, session.Info.Family);
                foreach (var path in demo.Firmware)
                {
                    var file = File.ReadAllBytes(path);
                    var verdict = CompatibilityGate.Check(session.Info, file, FirmwareInspector.Inspect(file, Path.GetFileName(path)), name: Path.GetFileName(path));
                    bool own = Path.GetFileName(path).StartsWith($"OpenBK{chip.Family.ToString()[2..]}_", StringComparison.Ordinal);
                    Assert.True(own == verdict.MayWrite, $"{Path.GetFileName(path)} on {chip.Name}: {verdict.Text}");
                }
            }
        }
        Assert.False(Directory.Exists(folder), "the demo's firmware outlived it");
    }
}
