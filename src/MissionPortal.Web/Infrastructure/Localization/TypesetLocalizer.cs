using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Web.Infrastructure.Localization;

/// <summary>
/// The portal's strings as they are shown: a name that brings its own quotes into «{0}» gets „…“ inside
/// («Соглашение „О сотрудничестве“», not «Соглашение «О сотрудничестве»»), and a number keeps its unit on its line
/// («20 мин», «2026 г.»). Every text of the interface and of the letters goes through it.
/// </summary>
public sealed class TypesetLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(SharedResource));

    public LocalizedString this[string name] => Typeset(_inner[name]);

    public LocalizedString this[string name, params object[] arguments] => Typeset(_inner[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);

    /// <summary>The text with quotes nested and numbers held to their units.</summary>
    public static string Typeset(string text) => Formats.Typeset(Quotes.Nest(text));

    private static LocalizedString Typeset(LocalizedString s) => new(s.Name, Typeset(s.Value), s.ResourceNotFound, s.SearchedLocation);
}
