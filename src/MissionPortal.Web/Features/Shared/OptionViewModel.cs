namespace MissionPortal.Web.Features.Shared;

/// <summary>One choice of a drop-down list: the id sent back and the text shown.</summary>
public sealed record OptionViewModel(int Id, string Text);
