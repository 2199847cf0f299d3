using System.CommandLine;
using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Preflight;

namespace BkTui.Cli;

/// <summary><c>bktui erase --port P --start A --length N [--allow-bootloader] [--allow-rf-erase]</c>: the pre-flight of the recipes first (docs/flashing.md).</summary>
internal static class EraseCommand
{
    public static Command Create()
    {
        var flash = new FlashVerb();
        var start = new Option<string>("--start") { Description = "First address (4 KiB aligned; 0x hex accepted).", Required = true };
        var length = new Option<string>("--length") { Description = "Bytes to erase (multiple of 4 KiB).", Required = true };
        var allowBoot = new Option<bool>("--allow-bootloader") { Description = "Allow erasing below 0x11000 (N, M, BK7238 only)." };
        var archive = DumpsCommand.ArchiveOption();
        var consents = new DirectWriteConsents("--allow-rf-erase", "Allow erasing this chip's RF calibration sector (its MAC and radio tuning).", otherDeviceRf: false);
        var cmd = new Command("erase", "Erase a flash range (4 KiB / 64 KiB erases), verified blank.");
        flash.AddTo(cmd);
        cmd.Options.Add(start);
        cmd.Options.Add(length);
        cmd.Options.Add(allowBoot);
        cmd.Options.Add(archive);
        consents.AddTo(cmd);
        cmd.SetAction((pr, ct) =>
        {
            uint from = 0, count = 0;
            var consent = pr.GetValue(allowBoot);
            return Task.FromResult(flash.Run(pr, "erase", (session, log, cancel) =>
            {
                session.Backup = DirectWritePreflight.BeforeErase(session, ArchiveLocation.Resolve(pr.GetValue(archive)), from, count,
                    consents.From(pr), FlashVerb.Say(log), cancel);
                session.Erase(from, count, consent, cancel);
                Console.Error.WriteLine($"erased and verified blank: 0x{from:X}..0x{from + count:X}");
                return ExitCodes.Ok;
            }, ct, precheck: () =>
            {
                from = FlashVerb.ParseNumber(pr.GetValue(start), "--start")!.Value;
                count = FlashVerb.ParseNumber(pr.GetValue(length), "--length")!.Value;
                if (from < ChipProfiles.All.Min(p => p.BootloaderSize) && !consent)
                    throw new GuardRefusedException(pr.GetValue(flash.Port)!, from,
                        $"--start 0x{from:X} is inside the bootloader region. Nothing was sent. Pass --allow-bootloader to really do this.");
            }));
        });
        return cmd;
    }
}
