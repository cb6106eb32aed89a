using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace MissionPortal.Web.Infrastructure.Mvc;

/// <summary>
/// The one line shown above the next page after a redirect: what was done (green, read out politely) or why it was
/// refused (red, read out at once). The only way a controller leaves a message for the page after it. A message may be
/// tied to an element of the next page (an item of the programme): the page then shows it beside that element, and
/// above the page only when the element is not there.
/// </summary>
public static class Flash
{
    private const string DoneKey = "flash.done";
    private const string RefusedKey = "flash.refused";
    private const string AnchorKey = "flash.anchor";

    public static void FlashDone(this Controller controller, string message) => controller.TempData[DoneKey] = message;

    public static void FlashRefused(this Controller controller, string message) => controller.TempData[RefusedKey] = message;

    /// <summary>Done or refused by <paramref name="done"/>: for a step whose result may be either.</summary>
    public static void FlashOutcome(this Controller controller, bool done, string message) =>
        controller.TempData[done ? DoneKey : RefusedKey] = message;

    /// <summary>Ties the message to the element of the next page with this id (the fragment the redirect goes to).</summary>
    public static void FlashBeside(this Controller controller, string anchor) => controller.TempData[AnchorKey] = anchor;

    /// <summary>
    /// The message tied to the element <paramref name="anchor"/>, taken away so that the page shows it there and not
    /// above the page as well: done (true) or refused (false); null when the message belongs elsewhere or there is none.
    /// </summary>
    public static (bool Done, string Message)? TakeMessageBeside(this ITempDataDictionary tempData, string anchor)
    {
        // Read (not peeked): the tie ends with this page whether or not the element is on it.
        if (tempData[AnchorKey] as string != anchor)
        {
            return null;
        }

        tempData.Remove(AnchorKey);
        (bool, string)? message = tempData[DoneKey] is string done ? (true, done) : tempData[RefusedKey] is string refused ? (false, refused) : null;
        tempData.Remove(DoneKey);
        tempData.Remove(RefusedKey);
        return message;
    }

    public static string? DoneMessage(this ITempDataDictionary tempData) => tempData[DoneKey] as string;

    public static string? RefusedMessage(this ITempDataDictionary tempData) => tempData[RefusedKey] as string;
}
