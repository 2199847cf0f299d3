namespace BkTui.Core.Jobs;

/// <summary>Turns a request into its list of reported steps (issue 5's recipes).</summary>
public static class RecipeBook
{
    public static IReadOnlyList<JobStep> Steps(JobRequest request) => request.Recipe switch
    {
        Recipe.Backup => [CommonSteps.Identify, .. BackupSteps.All],
        Recipe.Custom when request.ReadPath is not null => [CommonSteps.Identify, .. CustomSteps.Read],
        Recipe.Custom => [CommonSteps.Identify, CustomSteps.Check, CommonSteps.FactoryDumpFirst, .. CustomSteps.Write],
        Recipe.RestoreFactory => [CommonSteps.Identify, RestoreFactorySteps.PreFlight, CommonSteps.FactoryDumpFirst, RestoreFactorySteps.ConfirmBoard, .. RestoreFactorySteps.Write, RebootSteps.RebootAndListen],
        Recipe.RestoreRf => [CommonSteps.Identify, .. RestoreRfSteps.All, RebootSteps.RebootAndListen, RestoreRfSteps.ConfirmMac],
        Recipe.Wifi => [CommonSteps.Identify, .. WifiSteps.All],
        Recipe.Flash => [CommonSteps.Identify, .. FlashSteps.All, RebootSteps.RebootAndListen],
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.Recipe, "unknown recipe"),
    };

    /// <summary>The step names a recipe will report, for a UI that lists them before the job starts.</summary>
    public static IReadOnlyList<string> StepNames(JobRequest request) => Steps(request).Select(s => s.Name).ToList();
}
