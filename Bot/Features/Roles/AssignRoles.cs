using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using TalkBot.Cards.Roles;

namespace TalkBot.Bot.Features.Roles;

/// <summary>保存 (roles.assign): one person's roles and rank, audited once however often it is clicked.</summary>
public sealed partial class AssignRoles(PeopleDirectory directory, RoleAssignmentStore store, RoleEditor editor, ILogger<AssignRoles> logger) : ICardAction
{
    public string Verb => Verbs.RolesAssign;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        AssignAsync(request!.Actor, request.Locale, request.Data, cancellationToken);

    /// <summary>
    /// Saves one person's roles and rank from the editor. The same roles and rank again change nothing and add no audit
    /// line (a double click, a Teams retry). A refused save shows the editor again with the problems and what was entered.
    /// </summary>
    private async Task<AdaptiveCard> AssignAsync(Person actor, Locale locale, JsonElement data, CancellationToken cancellationToken)
    {
        if (!RoleAssignmentRules.MayAssign(actor))
        {
            return RoleEditor.Refused(locale);
        }

        var request = RoleFormInput.Read(data);
        var directoryNow = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var people = directoryNow.All;
        var check = RoleAssignmentRules.Check(actor, people, [request]);
        if (!check.IsValid)
        {
            var errors = check.Problems.Select(p => RoleFormInput.Describe(p, locale)).ToList();
            return RoleEditor.FindActive(people, request.Person) is { } person
                ? await editor.EditAsync(person, people, locale, RoleEditor.Entered(request), RoleEditor.EnteredRank(request), errors, cancellationToken).ConfigureAwait(false)
                : RoleEditor.Manage(directoryNow, actor, locale, errors: errors);
        }

        var assignment = check.Assignments[0];
        var outcome = await store.ApplyAsync(assignment, actor, AssignmentSource.Card, null, null, cancellationToken).ConfigureAwait(false);
        var name = people.First(p => p.Id == assignment.Person).DisplayName;
        switch (outcome)
        {
            case AssignmentOutcome.NotFound:
                return RoleEditor.Manage(directoryNow, actor, locale, errors: [RuleMessages.Describe(RoleAssignmentRules.PersonNotInDirectory(name), locale)]);
            case AssignmentOutcome.Busy:
                return ErrorCard.Busy(locale, $"{name}的角色", $"{name}'s roles");
            case AssignmentOutcome.Changed:
                LogAssigned(logger, assignment.Person.Value, actor.Id.Value, nameof(AssignmentSource.Card));
                break;
        }

        return RoleCards.Saved(new RoleSavedView(assignment.Person, name, assignment.Roles, assignment.Rank, outcome == AssignmentOutcome.Changed), locale);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Roles of {Person} changed by {Actor} from the {Source}")]
    private static partial void LogAssigned(ILogger logger, string person, string actor, string source);
}

/// <summary>导入 (roles.import): the pasted CSV, all rows or none.</summary>
public sealed partial class ImportRoles(PeopleDirectory directory, RoleAssignmentStore store, ILogger<ImportRoles> logger) : ICardAction
{
    // Each row is a few table calls; in parallel, a few hundred rows stay well inside Teams' invoke timeout.
    private const int ImportConcurrency = 8;

    public string Verb => Verbs.RolesImport;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        ImportAsync(request!.Actor, request.Locale, request.Text(RoleFields.Csv), cancellationToken);

    /// <summary>
    /// Imports a pasted CSV: every row is checked first, and one bad row (each reported with its line) imports nothing.
    /// Otherwise every row is applied and each change audited; rows that change nothing are counted, not audited.
    /// </summary>
    private async Task<AdaptiveCard> ImportAsync(Person actor, Locale locale, string? text, CancellationToken cancellationToken)
    {
        if (!RoleAssignmentRules.MayAssign(actor))
        {
            return RoleEditor.Refused(locale);
        }

        var directoryNow = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var people = directoryNow.All;
        var csv = RoleCsvParser.Parse(text);
        if (csv.TooLong)
        {
            return RoleEditor.Manage(directoryNow, actor, locale, errors: [RoleCards.CsvTooLong(locale)]);
        }

        var check = RoleAssignmentRules.Check(actor, people, csv.Rows);
        var problems = csv.Problems.Concat(check.Problems).OrderBy(p => p.Line).ToList();
        if (problems.Count > 0)
        {
            return RoleEditor.Manage(directoryNow, actor, locale, csv: text, errors:
            [
                locale.Pick($"未导入：发现 {problems.Count} 处问题，请更正后重新导入。未作任何更改。",
                    $"Nothing imported: {problems.Count} problem(s) to correct first. Nothing has changed."),
                .. problems.Select(p => RoleFormInput.Describe(p, locale)),
            ]);
        }

        var import = Guid.NewGuid().ToString("N");
        var lines = check.Lines;
        var outcomes = new ConcurrentDictionary<PersonId, AssignmentOutcome>();
        await Parallel.ForEachAsync(
            check.Assignments,
            new ParallelOptions { MaxDegreeOfParallelism = ImportConcurrency, CancellationToken = cancellationToken },
            async (assignment, ct) => outcomes[assignment.Person] =
                await store.ApplyAsync(assignment, actor, AssignmentSource.Csv, import, lines[assignment.Person], ct).ConfigureAwait(false)).ConfigureAwait(false);

        var byId = people.ToDictionary(p => p.Id);
        var failed = check.Assignments.Where(a => outcomes[a.Person] is AssignmentOutcome.NotFound or AssignmentOutcome.Busy).ToList();
        var updated = check.Assignments.Where(a => outcomes[a.Person] == AssignmentOutcome.Changed).ToList();
        LogImported(logger, import, actor.Id.Value, updated.Count, check.Assignments.Count);
        if (failed.Count > 0)
        {
            // Storage refused some rows after the others were saved; importing the same CSV again finishes the job and
            // does not audit the saved rows twice.
            return RoleEditor.Manage(directoryNow, actor, locale, csv: text, errors:
            [
                locale.Pick($"已更新 {updated.Count} 人，但以下 {failed.Count} 行未能保存，请重新导入同一份数据：",
                    $"{updated.Count} people updated, but these {failed.Count} line(s) could not be saved; import the same data again:"),
                .. failed.Select(a => locale.Pick($"第{lines[a.Person]}行：{byId[a.Person].DisplayName}", $"Line {lines[a.Person]}: {byId[a.Person].DisplayName}")),
            ]);
        }

        return RoleCards.Imported(new RoleImportedView(
            [.. updated.OrderBy(a => lines[a.Person]).Select(a => new RoleImportLine(byId[a.Person].DisplayName, a.Roles, a.Rank))],
            check.Assignments.Count - updated.Count), locale);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Role import {Import} by {Actor}: {Updated} of {Rows} people changed")]
    private static partial void LogImported(ILogger logger, string import, string actor, int updated, int rows);
}
