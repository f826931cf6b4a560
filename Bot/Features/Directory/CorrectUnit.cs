using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Domain.Audit;

namespace TalkBot.Bot.Features.Directory;

/// <summary>单位管理 / units (and units.show): an administrator sees the units, why each sits where it does, and picks one to correct.</summary>
public sealed class ShowUnits(UnitViews views) : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["单位管理", "units"];

    public string Verb => Verbs.UnitsShow;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        ShowAsync(request!.Actor, request.Locale, null, cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        ShowAsync(request!.Actor, request.Locale, request.Text(UnitCards.UnitInput) is { Length: > 0 } unit ? new UnitId(unit) : null, cancellationToken);

    private async Task<AdaptiveCard> ShowAsync(Person actor, Locale locale, UnitId? unit, CancellationToken cancellationToken)
    {
        if (!actor.Active || !actor.Has(Role.Administrator))
        {
            return CorrectUnit.Refused(locale);
        }

        return UnitCards.List(await views.ListAsync(unit, cancellationToken).ConfigureAwait(false), locale);
    }
}

/// <summary>
/// 保存更正 (units.correct): an administrator corrects a unit's level or parent (000 §二 needs both). The correction is
/// stored apart from the directory, audited, and the units are derived again at once from what was last read; every
/// later sync lays it over what the directory says. The same correction again changes nothing and is not audited twice.
/// </summary>
public sealed partial class CorrectUnit(
    PeopleStore people, UnitCorrectionStore corrections, DirectorySync sync, UnitViews views, AuditLog audit, TimeProvider time, ILogger<CorrectUnit> logger) : ICardAction
{
    public string Verb => Verbs.UnitsCorrect;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (!actor.Active || !actor.Has(Role.Administrator))
        {
            return Refused(locale);
        }

        var correction = Read(request, actor.Id, time.GetUtcNow());
        if (correction is null)
        {
            return UnitCards.List(await views.ListAsync(null, cancellationToken).ConfigureAwait(false), locale);
        }

        var existing = await corrections.FindAsync(correction.Unit, cancellationToken).ConfigureAwait(false);
        if (correction.SameAs(existing) || (correction.IsEmpty && existing is null))
        {
            return UnitCards.List(await views.ListAsync(correction.Unit, cancellationToken, locale.Pick("未作更改。", "Nothing changed.")).ConfigureAwait(false), locale);
        }

        UnitCorrections.Check(actor, await people.ListUnitsAsync(cancellationToken).ConfigureAwait(false), correction);
        await corrections.SaveAsync(correction, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(actor, AuditAction.Corrected, AuditObject.Unit, correction.Unit.Value, null, cancellationToken).ConfigureAwait(false);
        LogCorrected(logger, correction.Unit.Value, actor.Id.Value, correction.Level?.ToString() ?? "derived", correction.ParentCorrected ? correction.Parent?.Value ?? "none" : "derived");
        await sync.RebuildAsync(cancellationToken).ConfigureAwait(false);
        return UnitCards.List(await views.ListAsync(correction.Unit, cancellationToken,
            locale.Pick("更正已保存，组织架构已按更正重新生成；以后每次同步都会保留。", "Correction saved and the organisation rebuilt with it; every later sync keeps it.")).ConfigureAwait(false), locale);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        var unit = request.Text(UnitCards.UnitInput) is { Length: > 0 } id ? new UnitId(id) : (UnitId?)null;
        return UnitCards.List(await views.ListAsync(unit, cancellationToken, errors: refusal.Messages).ConfigureAwait(false), request.Locale);
    }

    public static AdaptiveCard Refused(Locale locale) => RefusalCard.Build(locale, locale.Pick("更正单位的级别和上级", "correct units' levels and parents"));

    private static UnitCorrection? Read(CardActionRequest request, PersonId by, DateTimeOffset at)
    {
        if (request.Text(UnitCards.UnitInput) is not { Length: > 0 } unit)
        {
            return null;
        }

        var level = request.Text(UnitCards.LevelInput);
        var parent = request.Text(UnitCards.ParentInput);
        var parentCorrected = parent is { Length: > 0 } && parent != UnitCards.Derived;
        return new UnitCorrection(
            new UnitId(unit),
            level is { Length: > 0 } && level != UnitCards.Derived && Enum.TryParse<UnitLevel>(level, out var l) ? l : null,
            parentCorrected,
            parentCorrected && parent != UnitCards.NoParent ? new UnitId(parent!) : null,
            by, at);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Unit {Unit} corrected by {Actor}: level {Level}, parent {Parent}")]
    private static partial void LogCorrected(ILogger logger, string unit, string actor, string level, string parent);
}
