using System.CommandLine;
using BkTui.Core.Preflight;

namespace BkTui.Cli;

/// <summary>The named consents of <c>write</c> and <c>erase</c> (<see cref="DirectWriteConsent"/>); each must be spelled out.</summary>
internal sealed class DirectWriteConsents(string rfFlag, string rfDescription, bool otherDeviceRf)
{
    private readonly Option<bool> _noBackup = new("--no-backup") { Description = "Expert: change a chip the archive holds no whole dump of without taking one first (its calibration may be lost for good)." };
    private readonly Option<bool> _rf = new(rfFlag) { Description = rfDescription };
    private readonly Option<bool>? _otherRf = otherDeviceRf
        ? new("--allow-other-device-rf") { Description = "Write an image holding another device's RF calibration and MAC onto this chip." }
        : null;

    public void AddTo(Command cmd)
    {
        cmd.Options.Add(_noBackup);
        cmd.Options.Add(_rf);
        if (_otherRf is not null) cmd.Options.Add(_otherRf);
    }

    public DirectWriteConsent From(ParseResult pr) => new()
    {
        NoBackup = pr.GetValue(_noBackup), AllowRfChange = pr.GetValue(_rf),
        AllowOtherDeviceRf = _otherRf is not null && pr.GetValue(_otherRf),
    };
}
