namespace MissionPortal.Web;

/// <summary>
/// Marker for the portal's one set of UI strings. The Russian text is the key;
/// Resources/SharedResource.en.resx holds the English.
/// </summary>
#pragma warning disable CA1052 // a marker type for IStringLocalizer<T> must be instantiable as a type argument
public sealed class SharedResource
#pragma warning restore CA1052
{
}
