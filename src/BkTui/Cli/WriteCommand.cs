using System.CommandLine;
using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Compatibility;
using BkTui.Core.Flashing;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Analysis;
using BkTui.Core.Preflight;

namespace BkTui.Cli;

/// <summary><c>bktui write --port P --in FILE [--start A] [--allow-bootloader]</c>: write firmware, bootloader kept unless consented; the pre-flight of the recipes first (docs/flashing.md).</summary>
internal static class WriteCommand
{
    public static Command Create()
    {
        var flash = new FlashVerb();
        var input = new Option<string>("--in", "-i") { Description = "Firmware file: a whole-flash/QIO image (bootloader part skipped) or an app/UA image.", Required = true };
        var start = new Option<string?>("--start") { Description = "Write the whole file at this address instead of deciding by content." };
        var allowBoot = new Option<bool>("--allow-bootloader") { Description = "Allow writing below 0x11000 (only where the bootloader is writable: N, M, BK7238)." };
        var allowKey = new Option<bool>("--allow-key-mismatch") { Description = "Write an image encrypted for another eFuse key than the chip's (it will not boot as is)." };
        var archive = DumpsCommand.ArchiveOption();
        var allowUnknown = new Option<bool>("--allow-unknown-family") { Description = "Write an image whose chip family cannot be told from its content (you know it is built for this chip)." };
        var consents = new DirectWriteConsents("--allow-rf-overwrite", "Change this chip's own RF calibration sector (its MAC and radio tuning).", otherDeviceRf: true);
        var cmd = new Command("write", "Write firmware; sectors that already match are skipped; verified by CRC.");
        flash.AddTo(cmd);
        cmd.Options.Add(input);
        cmd.Options.Add(start);
        cmd.Options.Add(allowBoot);
        cmd.Options.Add(allowKey);
        cmd.Options.Add(allowUnknown);
        cmd.Options.Add(archive);
        consents.AddTo(cmd);
        cmd.SetAction((pr, ct) =>
        {
            byte[] file = [];
            uint? at = null;
            FirmwareImage? kind = null;
            var consent = pr.GetValue(allowBoot);
            var path = pr.GetValue(input)!;
            return Task.FromResult(flash.Run(pr, "write", (session, log, cancel) =>
            {
                var place = ImagePlacement.Decide(file, kind!, session.Profile, at, consent);
                if (at is null)
                {
                    // The compatibility gate (docs/compatibility.md): family, key, size, before a byte is sent.
                    var verdict = CompatibilityGate.Check(session.Info, file, kind!,
                        new CompatibilityConsent { AllowKeyMismatch = pr.GetValue(allowKey), AllowUnknownFamily = pr.GetValue(allowUnknown) },
                        Path.GetFileName(path), path);
                    log.Info($"compatibility: {verdict.Status.ToString().ToLowerInvariant()} — {verdict.Text}");
                    if (!verdict.MayWrite)
                        throw new GuardRefusedException(session.Port, place.Address, string.Join(" ", verdict.Blocking.Select(f => f.Text)));
                    foreach (var f in verdict.Findings.Where(f => f.Overridden)) Console.Error.WriteLine($"note: overridden: {f.Text}");
                }
                foreach (var w in kind!.Warnings) Console.Error.WriteLine($"note: {w}");
                log.Info($"file: {kind.Kind}, key {kind.Key}; placement: {place.Reason}");
                Console.Error.WriteLine($"writing {place.Length} bytes at 0x{place.Address:X} ({place.Reason})");
                var data = file.AsSpan(place.FileOffset, place.Length);
                if (BootloaderWording.ForRawWrite(place.Address, data, session.Profile.BootloaderSize) is { } boot)
                {
                    // --allow-bootloader is the consent; the line names what it was given to.
                    Console.Error.WriteLine($"bootloader (--allow-bootloader): {boot}");
                    log.Info($"bootloader (--allow-bootloader): {boot}");
                }
                session.Backup = DirectWritePreflight.BeforeWrite(session, ArchiveLocation.Resolve(pr.GetValue(archive)), place.Address, data,
                    consents.From(pr), FlashVerb.Say(log), cancel);
                session.Write(place.Address, data, new WriteOptions { AllowBootloader = consent }, cancel);
                Console.Error.WriteLine($"written and verified: 0x{place.Address:X}..0x{place.Address + place.Length:X}");
                return ExitCodes.Ok;
            }, ct, precheck: () =>
            {
                at = FlashVerb.ParseNumber(pr.GetValue(start), "--start");
                file = FlashVerb.ReadInput(path);
                kind = FirmwareInspector.Inspect(file, path);
                // A named address is the explicit raw write; otherwise the file must be whole by its own structure.
                if (at is null && ImageIntegrity.Check(file, kind) is { Intact: false } damaged)
                    throw new BadInputException($"{path} is incomplete or damaged: {damaged.Text} Nothing was sent. " +
                                                "To write these bytes anyway, name the address yourself (a raw write, no checks): --start 0x11000.");
                // Refusals that need no chip: every family's bootloader ends at 0x11000.
                var boot = ChipProfiles.All.Min(p => p.BootloaderSize);
                if (at < boot && !consent)
                    throw new GuardRefusedException(pr.GetValue(flash.Port)!, at,
                        $"--start 0x{at:X} is inside the bootloader region (below 0x{boot:X}). Nothing was sent. Pass --allow-bootloader to really do this.");
            }));
        });
        return cmd;
    }
}
