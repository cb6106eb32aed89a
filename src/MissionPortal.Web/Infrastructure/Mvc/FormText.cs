namespace MissionPortal.Web.Infrastructure.Mvc;

/// <summary>How the forms store optional text: trimmed, and null when nothing but spaces was typed.</summary>
public static class FormText
{
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
