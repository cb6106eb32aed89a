using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MissionPortal.Web.Features.Shared;

/// <summary>Identity's tokens in the links of account letters: made safe for a URL (they hold +, / and =) and read back.</summary>
public static class AccountTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token a link carried; null for a missing, overlong or mangled one.</summary>
    public static string? Decode(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
