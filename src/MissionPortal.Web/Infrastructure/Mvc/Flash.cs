using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace MissionPortal.Web.Infrastructure.Mvc;

/// <summary>
/// The one line shown above the next page after a redirect: what was done (green, read out politely) or why it was
/// refused (red, read out at once). The only way a controller leaves a message for the page after it.
/// </summary>
public static class Flash
{
    private const string DoneKey = "flash.done";
    private const string RefusedKey = "flash.refused";

    public static void FlashDone(this Controller controller, string message) => controller.TempData[DoneKey] = message;

    public static void FlashRefused(this Controller controller, string message) => controller.TempData[RefusedKey] = message;

    /// <summary>Done or refused by <paramref name="done"/>: for a step whose result may be either.</summary>
    public static void FlashOutcome(this Controller controller, bool done, string message) =>
        controller.TempData[done ? DoneKey : RefusedKey] = message;

    public static string? DoneMessage(this ITempDataDictionary tempData) => tempData[DoneKey] as string;

    public static string? RefusedMessage(this ITempDataDictionary tempData) => tempData[RefusedKey] as string;
}
