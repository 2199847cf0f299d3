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
