namespace BkTui.Core.Jobs;

/// <summary>The workflows the queue runs (issue 5). Each becomes a list of reported steps.</summary>
public enum Recipe
{
    Backup,
    Flash,
    RestoreRf,
    Wifi,
    RestoreFactory,
    Custom,
}

public static class Recipes
{
    public static readonly IReadOnlyList<Recipe> All = Enum.GetValues<Recipe>();

    /// <summary>The CLI name: backup, flash, restore-rf, wifi, restore-factory, custom.</summary>
    public static string Name(this Recipe r) => r switch
    {
        Recipe.RestoreRf => "restore-rf",
        Recipe.RestoreFactory => "restore-factory",
        _ => r.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// How a job is named where jobs are listed: a write that includes the bootloader (the one job that
    /// can leave a chip unable to boot) says so in capitals, so a recovery never reads like the restore
    /// that keeps the bootloader. <see cref="Name"/> stays the CLI's word.
    /// </summary>
    public static string Title(this JobRequest r) => RewritesBootloader(r) switch
    {
        false => r.Recipe.Name(),
        true when r.Recipe == Recipe.RestoreFactory => "restore+BOOTLOADER",
        true => r.Recipe.Name() + "+BOOTLOADER",
    };

    /// <summary>The request writes into the bootloader range (with its consent): restore-factory from 0, or a custom write starting there.</summary>
    public static bool RewritesBootloader(this JobRequest r) => r.AllowBootloader && r.Recipe switch
    {
        Recipe.RestoreFactory => true,
        Recipe.Custom => r.WritePath is not null && r.Start < Chips.ChipProfiles.All.Max(p => p.BootloaderSize),
        _ => false,
    };

    public static bool TryParse(string? name, out Recipe recipe)
    {
        foreach (var r in All)
            if (string.Equals(r.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase)) { recipe = r; return true; }
        recipe = default;
        return false;
    }

    public static Recipe Parse(string name) => TryParse(name, out var r) ? r
        : throw new FormatException($"Unknown recipe '{name}'. Known: {string.Join(", ", All.Select(x => x.Name()))}.");
}
