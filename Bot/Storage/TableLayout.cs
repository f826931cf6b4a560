namespace TalkBot.Bot.Storage;

/// <summary>
/// Every table TalkBot writes, with its keys and the reason for them.
/// <list type="table">
/// <item><c>Talks</c>: PartitionKey = talk id; RowKey = <c>talk</c> | <c>notice|{talkeeId}</c> | <c>ack|{talkeeId}</c>.
/// A talk, its notices and their acknowledgements live in one partition so that creating a talk with its notices,
/// and recording an acknowledgement with its notice's new state, are single entity group transactions.</item>
/// <item><c>Talks</c>, the talk's quiz and record, in the same partition so that each change is one transaction
/// guarded by one head row's ETag: <c>quiz|{talkeeId}</c> (attempts and retakes), <c>quiza|{talkeeId}|{nn}</c> (one
/// attempt), <c>record</c> (current version and status), <c>recordv|{nnn}</c> (a version's common part),
/// <c>recordp|{nnn}|{talkeeId}</c> (its part per talkee), <c>recordc|{nnn}|{talkeeId}</c> (a talkee's verification).
/// Rectification (000 §四(一)5) the same way: <c>rect|{talkeeId}</c> (head), <c>rectr|{talkeeId}|{nn}</c> (a report),
/// <c>rectm|{talkeeId}|{nn}|{item}</c> (its measure per item), <c>rectv|{talkeeId}|{nn}</c> (its review).
/// Each kind has its own prefix so that one range query reads all rows of that kind. Version rows, parts and
/// verifications are insert-only: a version, once written, never changes.</item>
/// <item><c>TalksByPerson</c>: PartitionKey = person id; RowKey = talk id; the person's relations to the talk
/// (organiser, talker, recorder). Answers "what is missing" for a recorder or organiser with one partition query.</item>
/// <item><c>Schedule</c>: durable reminders; keys and leases in <c>Scheduling/ScheduleStore.cs</c>.</item>
/// <item><c>Deliveries</c>: PartitionKey = the send's idempotency key; RowKey = person id: where every proactive send
/// stands (queued, retrying, sent, failed, unreachable), so that a re-run of the same reminder after a crash finds it
/// and sends nothing twice.</item>
/// <item><c>Outbox</c>: the sends still to make (PartitionKey <c>pending</c>) and those that failed (<c>failed</c>),
/// RowKey <c>{key}|{person}</c>, with the activity and a lease; see <c>Sending/Outbox.cs</c>.</item>
/// <item><c>Plans</c>: PartitionKey = <c>{yyyy-MM}|{talker id}</c>; RowKey = <c>plan</c> (the header) or
/// <c>item|{talkee id}|{tier}</c>. One talker's plan for a month is one partition: read in one query, written in one
/// transaction; see <c>Plans/PlanRepository.cs</c>.</item>
/// <item><c>RoleAssignments</c>: PartitionKey = person id; RowKey = <c>current</c> (the roles and rank an administrator
/// assigned, by whom, when) or <c>audit|{inverted ticks}|{guid}</c> (one change: actor, time, before and after, card or
/// csv). One person's assignment and its history share a partition, so that a change and its audit line are one
/// transaction guarded by the <c>current</c> row's ETag; inverted ticks list the newest change first. A directory sync
/// re-applies the <c>current</c> rows (one query on RowKey) to People; see <c>Roles/RoleAssignmentStore.cs</c>.</item>
/// <item><c>Cases</c>, <c>CaseIndex</c>, <c>AuditLog</c>: leads, admonishment cases, their follow-on tasks, the index
/// that finds them by person, office and talk, and the audit log; keys in <c>Cases/CaseRepository.cs</c>.
/// <c>Exports</c>: single-use download links of archive exports; keys in <c>Cases/ArchiveExports.cs</c>.</item>
/// <item><c>NoticesByPerson</c>: PartitionKey = talkee id; RowKey = talk id. Answers "my notices" with one partition
/// query instead of a scan over every talk. Written after the talk's transaction; rewriting it is harmless.</item>
/// <item><c>ConversationReferences</c>: PartitionKey = the person's Entra object id; RowKey = channel id
/// (<c>msteams</c>). One point read finds where to send a proactive notice.</item>
/// <item><c>People</c>: PartitionKey = <c>person</c> | <c>unit</c>; RowKey = person or unit id. The directory is read
/// whole for forms and plans and written rarely (by a sync), so one partition per kind serves both.</item>
/// </list>
/// </summary>
public static class TableLayout
{
    public const string Talks = "Talks";
    public const string NoticesByPerson = "NoticesByPerson";
    public const string ConversationReferences = "ConversationReferences";
    public const string People = "People";
    public const string TalksByPerson = "TalksByPerson";
    public const string Schedule = "Schedule";
    public const string Deliveries = "Deliveries";
    public const string Outbox = "Outbox";
    public const string Plans = "Plans";
    public const string RoleAssignments = "RoleAssignments";
    public const string Cases = "Cases";
    public const string CaseIndex = "CaseIndex";
    public const string AuditLog = "AuditLog";
    public const string Exports = "Exports";

    public const string TalkRow = "talk";
    public const string NoticeRowPrefix = "notice|";
    public const string AcknowledgementRowPrefix = "ack|";
    public const string PersonPartition = "person";
    public const string UnitPartition = "unit";

    public const string QuizTrackRowPrefix = "quiz|";
    public const string QuizAttemptRowPrefix = "quiza|";
    public const string RecordHeadRow = "record";
    public const string RecordVersionRowPrefix = "recordv|";
    public const string RecordPartRowPrefix = "recordp|";
    public const string RecordVerificationRowPrefix = "recordc|";

    public const string RectificationRowPrefix = "rect|";
    public const string RectificationReportRowPrefix = "rectr|";
    public const string MeasureRowPrefix = "rectm|";
    public const string RectificationReviewRowPrefix = "rectv|";

    public static string NoticeRow(string talkeeId) => NoticeRowPrefix + talkeeId;
    public static string RectificationRow(string talkeeId) => RectificationRowPrefix + talkeeId;
    public static string RectificationReportRow(string talkeeId, int n) => $"{RectificationReportRowPrefix}{talkeeId}|{n:D2}";
    public static string MeasureRow(string talkeeId, int report, int item) => $"{MeasureRowPrefix}{talkeeId}|{report:D2}|{item:D2}";
    public static string RectificationReviewRow(string talkeeId, int report) => $"{RectificationReviewRowPrefix}{talkeeId}|{report:D2}";
    public static string QuizTrackRow(string talkeeId) => QuizTrackRowPrefix + talkeeId;
    public static string QuizAttemptRow(string talkeeId, int number) => $"{QuizAttemptRowPrefix}{talkeeId}|{number:D2}";
    public static string RecordVersionRow(int version) => $"{RecordVersionRowPrefix}{version:D3}";
    public static string RecordPartRow(int version, string talkeeId) => $"{RecordPartRowPrefix}{version:D3}|{talkeeId}";
    public static string RecordVerificationRow(int version, string talkeeId) => $"{RecordVerificationRowPrefix}{version:D3}|{talkeeId}";
    public static string AcknowledgementRow(string talkeeId) => AcknowledgementRowPrefix + talkeeId;

    public static IReadOnlyList<string> All { get; } = [Talks, NoticesByPerson, ConversationReferences, People, TalksByPerson, Schedule, Deliveries, Outbox, Plans, RoleAssignments,
        Cases, CaseIndex, AuditLog, Exports];
}
