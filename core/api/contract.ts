import { z } from 'zod';
import { TICKET_BY_NUMBER_ERRORS, TicketByNumber, TicketByNumberInput } from './ticket-rating';
import { Catalog, CaseType, Department, Handling, Matter, ServiceKind, Theme } from '../../platform/contract/catalog';
import { Station } from '../../kiosk-config/station';
import { defineEvent, defineMethod } from './define';
import {
  DeviceKind,
  DeviceState,
  DeviceCode,
  DeviceIdentity,
  DevicesSnapshot,
  IdCardEvent,
  KeypadPress,
} from './devices';
import {
  CoreDeviceTest,
  DeviceTestName,
  DeviceTestOutcome,
  InspectionDraft,
  InspectionRecord,
  LogLine,
  OutboxItemSummary,
  TechnicianOverview,
  TechnicianSession,
  WithToken,
} from './technician';
import { ApplicationDraft, ApplicationReceipt, MatterCodes, SubmitApplicationInput } from './applications';
import {
  CaseLookup,
  AssistanceReceipt,
  AssistanceRequestInput,
  MyCases,
  RatingOptions,
  RatingResult,
  ServiceMap,
  SubmitRatingInput,
} from './care';
import { ChecklistPrint, LifeEventView, SearchInput, SearchResult } from './find';
import { MyHelpRequests } from './help-follow-up';
import {
  AppointmentDays,
  AppointmentReceipt,
  AppointmentSlotList,
  BookAppointmentInput,
  CheckInInput,
  CheckInReceipt,
  QueueOverview,
  TakeTicketInput,
  TicketReceipt,
} from './queue';
import {
  AgentRelation,
  CompletedService,
  PrintResult,
  ResidentSessionState,
  SignInRole,
  TypedIdNumber,
} from './resident';
import { ScannedCode, ScanTestResult } from './scanner';
import { Appointment } from '../../platform/contract/appointments';
import { IsoDate } from '../../platform/contract/common';
import { Locale } from './locale';
import { PrepareSpeechInput, PrepareSpeechResult, SayInput, SpeechClip } from './speech';
import { StationHours } from './station';
import { HostAliveInput, HostAliveOutput } from './host';
import { ScreenshotAnswer, ScreenshotRequest, ServiceState } from './service-state';
import { CommandResult, RemoteCommandRequest } from '../../platform/contract/fleet';
import { StartVideoHelpInput, VideoHelpAvailabilityView, VideoHelpIncoming, VideoHelpOutgoing } from './video-help';

/**
 * The kiosk API: every method the renderer may call and every event the host may push.
 * Both hosts (Electron IPC and the browser host's WebSocket) dispatch into this one contract;
 * the renderer's client is typed from it. Add a method here, implement it in core/app, done.
 */

const Empty = z.object({}).strict();

/** What the page found when it opened a device it owns (getUserMedia): the document camera, the face camera, the microphone. */
const PageDeviceReport = {
  state: DeviceState,
  code: DeviceCode,
  detail: z.string().max(500),
  identity: DeviceIdentity.nullable(),
};

export { Locale } from './locale';

export const KioskInfo = z.object({
  appVersion: z.string(),
  host: z.enum(['electron', 'browser']),
  devMode: z.boolean(),
  terminal: z.object({ id: z.string(), name: z.string() }),
  station: Station,
  ui: z.object({
    defaultLocale: Locale,
    orientation: z.enum(['auto', 'portrait', 'landscape']),
    attractAfterIdleSeconds: z.number().int().positive(),
  }),
  /** The renderer opens the document camera itself; this says which one. */
  documentCamera: z.object({
    mode: z.enum(['real', 'emulated']),
    deviceLabel: z.string().nullable().describe('pick the camera whose label contains this; null: the first one'),
  }),
  /** Voice mode: whether core can speak, and whether the renderer should cache its fixed prompts at start. */
  speech: z.object({ available: z.boolean(), prepareAtStart: z.boolean() }),
  /**
   * How far the kiosk's clock runs from the machine's, for the screens to follow it: 0 on a
   * station; set only on a development checkout started with KIOSK_CLOCK (core/app/kiosk-clock.ts).
   */
  clockOffsetMs: z.number().int(),
});
export type KioskInfo = z.infer<typeof KioskInfo>;

export const CatalogStatus = z.object({
  version: z.string().nullable().describe('null until a catalog has been stored'),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  storedAt: z.iso.datetime({ offset: true }).nullable().describe('when this kiosk stored the current version'),
  confirmedAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .describe('last time the platform confirmed this version is current; the catalog age counts from here'),
  matterCount: z.number().int().min(0),
  platform: z.enum(['unknown', 'reachable', 'unreachable']),
  lastError: z.string().nullable().describe('why the last sync failed, for staff; null after a success'),
  stale: z.boolean().describe('older than the configured limit: guides may be out of date'),
});
export type CatalogStatus = z.infer<typeof CatalogStatus>;

export const MatterSummary = Matter.omit({ guide: true }).extend({ hasGuide: z.boolean() });
export type MatterSummary = z.infer<typeof MatterSummary>;

export const MatterDetail = Matter.extend({
  catalogVersion: z.string(),
  department: Department.nullable(),
  themes: z.array(Theme),
});
export type MatterDetail = z.infer<typeof MatterDetail>;

const counted = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, count: z.number().int().min(0) });

export const CatalogOverview = z.object({
  version: z.string(),
  region: Catalog.shape.region,
  matterCount: z.number().int().min(0),
  serviceKinds: z.array(counted({ kind: ServiceKind })),
  themes: z.array(Theme.extend({ count: z.number().int().min(0) })),
  handlings: z.array(counted({ handling: Handling })),
  departments: z.array(Department.extend({ count: z.number().int().min(0) })),
});
export type CatalogOverview = z.infer<typeof CatalogOverview>;

export const CatalogQuery = z
  .object({
    serviceKind: ServiceKind.optional(),
    themeId: z.string().max(64).optional(),
    handling: Handling.optional(),
    departmentCode: z.string().max(32).optional(),
    caseType: CaseType.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();
export type CatalogQuery = z.input<typeof CatalogQuery>;

export const methods = {
  'kiosk.info': defineMethod({
    access: 'public',
    input: Empty,
    output: KioskInfo,
    description: 'Who and where this kiosk is, which host runs it and the UI settings from its config.',
  }),
  'catalog.status': defineMethod({
    access: 'public',
    input: Empty,
    output: CatalogStatus,
    description: 'The stored catalog version, its age and whether the platform is reachable.',
  }),
  'catalog.overview': defineMethod({
    access: 'public',
    input: Empty,
    output: CatalogOverview,
    errors: ['catalogEmpty'],
    description: 'Counts by service kind, theme, handling mode and department, for the home screen.',
  }),
  'catalog.list': defineMethod({
    access: 'public',
    input: CatalogQuery,
    output: z.object({ total: z.number().int().min(0), matters: z.array(MatterSummary) }),
    errors: ['catalogEmpty'],
    description: 'Matters matching every given filter, in published order.',
  }),
  'catalog.matter': defineMethod({
    access: 'public',
    input: z.object({ code: z.string().min(1).max(64) }).strict(),
    output: MatterDetail,
    errors: ['notFound', 'catalogEmpty'],
    description: 'One matter with its guide, department and themes.',
  }),
  'catalog.syncNow': defineMethod({
    access: 'public',
    input: Empty,
    output: CatalogStatus,
    description: 'Ask the platform for a newer catalog now; answers with the status after trying.',
  }),
  'catalog.search': defineMethod({
    access: 'public',
    input: SearchInput,
    output: SearchResult,
    errors: ['catalogEmpty'],
    description:
      'Matters that match the text by name, alias, broader word, department or guide: characters (社保), pinyin (shebao), initials (sb), sound (残急人) or with one wrong letter; the most used at this station first among equals.',
  }),
  'catalog.lifeEvents': defineMethod({
    access: 'public',
    input: Empty,
    output: z.array(LifeEventView),
    errors: ['catalogEmpty'],
    description: 'Life-event themes (一件事) that bundle several matters into one submission.',
  }),
  'catalog.printChecklist': defineMethod({
    access: 'public',
    input: z.object({ code: z.string().min(1).max(64) }).strict(),
    output: ChecklistPrint,
    errors: ['notFound', 'catalogEmpty', 'noGuide'],
    description:
      "Prints the matter's material checklist with a QR of its guide, for residents who cannot finish today.",
  }),
  'session.state': defineMethod({
    access: 'public',
    input: Empty,
    output: ResidentSessionState,
    description: 'Who is signed in (applicant, and the 经办人 acting for them), masked.',
  }),
  'session.signInWithCard': defineMethod({
    access: 'public',
    input: z.object({ role: SignInRole, relation: AgentRelation.optional() }).strict(),
    output: ResidentSessionState,
    errors: ['noCard', 'cardExpired', 'readerUnavailable', 'samePerson', 'relationRequired'],
    description:
      'Signs in with the card the reader read in this session (waits a few seconds for one). An agent signs in first, with the relation; then the applicant.',
  }),
  'session.signInWithIdNumber': defineMethod({
    access: 'public',
    input: z
      .object({
        role: SignInRole,
        idNumber: TypedIdNumber,
        name: z.string().trim().min(1).max(64),
        relation: AgentRelation.optional(),
      })
      .strict(),
    output: ResidentSessionState,
    errors: ['invalidIdNumber', 'samePerson', 'relationRequired'],
    description: 'Signs in by typing a resident ID number (check digit validated) when the card cannot be read.',
  }),
  'session.signOut': defineMethod({
    access: 'public',
    input: Empty,
    output: ResidentSessionState,
    description: 'Forgets who signed in (the session goes on; captures stay until session.end).',
  }),
  'session.completedServices': defineMethod({
    access: 'public',
    input: Empty,
    output: z.array(CompletedService),
    description: 'Services completed in this session, and whether each was rated (一次一评).',
  }),
  'application.start': defineMethod({
    access: 'public',
    input: z.object({ matterCodes: MatterCodes, lifeEventId: z.string().max(64).nullable() }).strict(),
    output: ApplicationDraft,
    errors: ['notSignedIn', 'notFound', 'notSelfService', 'catalogEmpty', 'catalogStale'],
    description:
      "The matter's (or bundle's) form pre-filled from the applicant card, its materials and delivery options.",
  }),
  'application.consentToHistory': defineMethod({
    access: 'person',
    input: Empty,
    output: z.object({}),
    description:
      'The card-signed-in applicant tapped 「使用上次填写的信息」: their earlier values may be read back until they sign out or the visit ends.',
  }),
  'application.historyPrefill': defineMethod({
    access: 'person',
    input: z.object({ matterCodes: MatterCodes }).strict(),
    output: z.object({ values: z.record(z.string(), z.string()) }),
    errors: ['consentRequired', 'noHistory'],
    description:
      'After application.consentToHistory, values from their latest earlier submission at this kiosk (phone, address …).',
  }),
  'application.submit': defineMethod({
    access: 'public',
    input: SubmitApplicationInput,
    output: ApplicationReceipt,
    errors: [
      'notSignedIn',
      'notSelfService',
      'invalidForm',
      'materialMissing',
      'captureMissing',
      'catalogStale',
      'notFound',
    ],
    description:
      'Commits the application, its materials and its outbox rows in one transaction, tries to deliver at once, and prints the receipt. The same confirmationId answers the same receipt.',
  }),
  'application.reprintReceipt': defineMethod({
    access: 'public',
    input: z.object({ localRef: z.uuid() }).strict(),
    output: PrintResult,
    errors: ['notFound'],
    description: 'Prints the receipt of an application submitted in this session again (marked 补打).',
  }),
  'queue.overview': defineMethod({
    access: 'public',
    input: Empty,
    output: QueueOverview,
    description: "Today's services with waiting counts from the platform, or the last known ones while offline.",
  }),
  'queue.takeTicket': defineMethod({
    access: 'public',
    input: TakeTicketInput,
    output: TicketReceipt,
    errors: ['dailyCapReached', 'queueClosed', 'unknownService', 'noOfflineNumbers'],
    description:
      'Issues a ticket: from the platform, or offline from the range the platform reserved for this kiosk. Prints it, or shows it on screen when the printer is down.',
  }),
  'appointment.days': defineMethod({
    access: 'public',
    input: z.object({ servicePointId: z.string().max(64), matterCode: z.string().max(64) }).strict(),
    output: AppointmentDays,
    errors: ['platformUnavailable'],
    description: 'The next bookable days with how many places are left.',
  }),
  'appointment.slots': defineMethod({
    access: 'public',
    input: z.object({ servicePointId: z.string().max(64), matterCode: z.string().max(64), date: IsoDate }).strict(),
    output: AppointmentSlotList,
    errors: ['platformUnavailable'],
    description: 'Slots of one day.',
  }),
  'appointment.book': defineMethod({
    access: 'public',
    input: BookAppointmentInput,
    output: AppointmentReceipt,
    errors: ['notSignedIn', 'slotFull', 'platformUnavailable', 'notFound'],
    description: 'Books a slot for the signed-in applicant and prints the booking slip.',
  }),
  'appointment.mine': defineMethod({
    access: 'person',
    input: z.object({ date: IsoDate.optional() }).strict(),
    output: z.object({ appointments: z.array(Appointment) }),
    errors: ['notSignedIn', 'platformUnavailable'],
    description: "The signed-in applicant's appointments (today's when a date is given).",
  }),
  'appointment.checkIn': defineMethod({
    access: 'person',
    input: CheckInInput,
    output: CheckInReceipt,
    errors: ['notSignedIn', 'appointmentNotActive', 'notToday', 'notStaffed', 'platformUnavailable'],
    description:
      "Checks in today's appointment and prints its priority ticket; notStaffed once no window calls again today.",
  }),
  'appointment.cancel': defineMethod({
    access: 'person',
    input: z.object({ appointmentId: z.string().max(64) }).strict(),
    output: Appointment,
    errors: ['notSignedIn', 'appointmentNotActive', 'platformUnavailable', 'notFound'],
    description: 'Cancels one of the signed-in applicant’s appointments.',
  }),
  'progress.mine': defineMethod({
    access: 'person',
    input: Empty,
    output: MyCases,
    errors: ['notSignedIn'],
    description: "The signed-in person's cases from the platform, plus applications saved here and not yet sent.",
  }),
  'progress.lookup': defineMethod({
    access: 'public',
    // 300: the receipt's code as scanned, an https address (core/api/printed-codes.ts), may be given whole.
    input: z.object({ reference: z.string().trim().min(6).max(300) }).strict(),
    output: CaseLookup,
    errors: ['caseNotFound', 'platformUnavailable'],
    description:
      "One case's status by 办件编号 (typed or scanned from the receipt's QR) or by a local reference: never who applied or the mailing address.",
  }),
  'rating.options': defineMethod({
    access: 'public',
    input: Empty,
    output: RatingOptions,
    errors: ['notAvailable'],
    description: 'The versioned 好差评 options per level, from the platform or the last stored copy.',
  }),
  'rating.submit': defineMethod({
    access: 'public',
    input: SubmitRatingInput,
    output: RatingResult,
    errors: ['alreadyRated', 'unknownService', 'invalidOptions', 'callbackNotAllowed'],
    description:
      'Rates a service completed in this session, once. Sent through the outbox; 不满意/非常不满意 may carry a callback phone.',
  }),
  'rating.ticketByNumber': defineMethod({
    access: 'public',
    input: TicketByNumberInput,
    output: TicketByNumber,
    errors: [...TICKET_BY_NUMBER_ERRORS],
    description:
      "Today's ticket with this number at this station, from the platform: once a window finished it and it is not yet rated, it becomes a rateable service of this visit.",
  }),
  'station.hours': defineMethod({
    access: 'public',
    input: Empty,
    output: StationHours,
    description:
      "Whether staff are on duty at the station now, and if not when they next are: the station's staffed hours on the working calendar (public holidays, make-up working days).",
  }),
  'assistance.request': defineMethod({
    access: 'public',
    input: AssistanceRequestInput,
    output: AssistanceReceipt,
    errors: ['invalidRequest', 'notStaffed'],
    description:
      'A 帮办代办 request (callback, home visit, agent at the station), sent through the outbox; prints a slip. An agent at the station only while staff are on duty (notStaffed otherwise).',
  }),
  'assistance.mine': defineMethod({
    access: 'person',
    input: Empty,
    output: MyHelpRequests,
    errors: ['notSignedIn'],
    description:
      "The card-verified resident's help requests: state, who handles them and the last contact's outcome from the platform, plus those saved here and not yet sent.",
  }),
  'videoHelp.availability': defineMethod({
    access: 'public',
    input: Empty,
    output: VideoHelpAvailabilityView,
    description:
      '视频帮办: whether to offer it now (face camera and microphone configured and working, the platform reachable and running video help, an agent on duty) and, if not, why.',
  }),
  'videoHelp.start': defineMethod({
    access: 'public',
    input: StartVideoHelpInput,
    output: z.object({}).strict(),
    errors: ['notAvailable', 'alreadyInCall'],
    description:
      "Joins the county's video help queue with the resident's consent: core opens the platform socket with the terminal's token and sends the request; the platform's answers follow as `videoHelp.message`.",
  }),
  'videoHelp.send': defineMethod({
    access: 'public',
    input: VideoHelpOutgoing,
    output: z.object({}).strict(),
    errors: ['noCall'],
    description:
      'One frame of the call (SDP, ICE, screen state, an answer to a proposal, stats…) relayed to the platform.',
  }),
  'videoHelp.end': defineMethod({
    access: 'public',
    input: z.object({ reason: z.enum(['residentHungUp', 'sessionEnded', 'cancelled', 'deviceLost']) }).strict(),
    output: z.object({}).strict(),
    description:
      'Ends the call (or leaves the queue) and closes the socket; nothing of the call stays in core. Safe to call when no call is on.',
  }),
  'media.reportStatus': defineMethod({
    access: 'public',
    input: z.object({ device: z.enum(['faceCamera', 'microphone']), ...PageDeviceReport }).strict(),
    output: z.object({}),
    description:
      'The renderer owns the face camera and the microphone (getUserMedia, chosen by label); it reports what it found so the device manager can show them and gate 视频帮办.',
  }),
  'speech.say': defineMethod({
    access: 'public',
    input: SayInput,
    output: SpeechClip,
    errors: ['speechUnavailable'],
    description:
      'Synthesises one utterance offline (voice mode, 长辈版) and returns it as WAV for the renderer to play; prepared prompts come from the cache.',
  }),
  'speech.prepare': defineMethod({
    access: 'public',
    input: PrepareSpeechInput,
    output: PrepareSpeechResult,
    errors: ['speechUnavailable'],
    description:
      'Synthesises fixed prompts ahead of time into the speech cache, so the first word of a screen starts quickly.',
  }),
  'serviceMap.points': defineMethod({
    access: 'public',
    input: Empty,
    output: ServiceMap,
    errors: ['notAvailable'],
    description: 'Service points for the offline map, from the platform or the last stored copy.',
  }),
  'devices.snapshot': defineMethod({
    access: 'public',
    input: Empty,
    output: DevicesSnapshot,
    description: 'Every device with its XFS-style status and which journeys can start.',
  }),
  'camera.reportStatus': defineMethod({
    access: 'public',
    input: z.object(PageDeviceReport).strict(),
    output: z.object({}),
    description:
      'The renderer owns the document camera (getUserMedia); it reports what it found so the device manager can gate journeys.',
  }),
  'host.alive': defineMethod({
    access: 'public',
    input: HostAliveInput,
    output: HostAliveOutput,
    description:
      'The page says it is alive, every few seconds from its main thread; the kiosk service feeds the systemd watchdog only while these keep coming.',
  }),
  'capture.stage': defineMethod({
    access: 'public',
    input: z
      .object({
        materialName: z.string().trim().min(1).max(200),
        pageCount: z.number().int().min(1).max(50),
        /** The material as one PDF (JPEG pages), base64. 40 MB of base64 is about 30 MB of PDF. */
        pdfBase64: z.string().min(1).max(40_000_000),
      })
      .strict(),
    output: z.object({ captureId: z.string(), bytes: z.number().int(), sha256: z.string() }),
    errors: ['invalidDocument', 'tooManyCaptures'],
    description:
      'Hands a captured material (multi-page PDF) to core. It is held in memory for the resident session only and wiped at session end unless an application takes it.',
  }),
  'capture.discard': defineMethod({
    access: 'public',
    input: z.object({ captureId: z.string().max(64) }).strict(),
    output: z.object({}),
    description: 'Forgets a staged capture (retake, or the resident went back).',
  }),
  'session.end': defineMethod({
    access: 'public',
    input: Empty,
    output: z.object({}),
    description:
      'The resident session ended (idle reset, 返回首页, technician mode): core forgets card data and staged captures.',
  }),
  'technician.enter': defineMethod({
    access: 'public',
    input: z.object({ pin: z.string().regex(/^[0-9]{4,12}$/) }).strict(),
    output: TechnicianSession,
    errors: ['wrongPin', 'lockedOut', 'notConfigured'],
    description:
      'Starts a technician session after the hidden gesture; it ends after the idle time or the absolute limit. Every five wrong PINs lock entry, each time twice as long (the count survives restarts).',
  }),
  'technician.exit': defineMethod({
    access: 'technician',
    input: WithToken,
    output: z.object({}),
    description: 'Ends the technician session.',
  }),
  'technician.overview': defineMethod({
    access: 'technician',
    input: WithToken,
    output: TechnicianOverview,
    errors: ['notAuthorised'],
    description: 'Devices, counters, outbox depth, configuration summary and the last inspection.',
  }),
  'technician.testDevice': defineMethod({
    access: 'technician',
    input: WithToken.extend({ test: CoreDeviceTest }).strict(),
    output: DeviceTestOutcome,
    errors: ['notAuthorised', 'deviceUnavailable'],
    description: 'Runs a test that core owns: read a test card (masked), print a test page.',
  }),
  'technician.recordTest': defineMethod({
    access: 'technician',
    input: WithToken.extend({
      device: DeviceKind,
      test: DeviceTestName,
      passed: z.boolean(),
      detail: z.string().max(500),
    }).strict(),
    output: DeviceTestOutcome,
    errors: ['notAuthorised'],
    description: 'Records the outcome of a test the renderer ran (capture a frame, press each key, play a sound).',
  }),
  'technician.testScanner': defineMethod({
    access: 'technician',
    input: WithToken.extend({ timeoutSeconds: z.number().int().min(5).max(120).default(30) }).strict(),
    output: z.object({ outcome: DeviceTestOutcome, read: ScanTestResult.nullable() }),
    errors: ['notAuthorised', 'deviceUnavailable'],
    description:
      'Waits for one read of the QR scanner and shows the decoded text to the technician; the recorded outcome says how long it was, never what it said.',
  }),
  'technician.restartDevice': defineMethod({
    access: 'technician',
    input: WithToken.extend({ device: DeviceKind }).strict(),
    output: DevicesSnapshot,
    errors: ['notAuthorised'],
    description: 'Closes and reopens one device.',
  }),
  'technician.recordPaperReplaced': defineMethod({
    access: 'technician',
    input: WithToken,
    output: TechnicianOverview.shape.printer,
    errors: ['notAuthorised'],
    description: 'Staff put in a new paper roll: the prints-since counter restarts.',
  }),
  'technician.logs': defineMethod({
    access: 'technician',
    input: WithToken.extend({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(LogLine),
    errors: ['notAuthorised'],
    description: 'Recent log lines, newest first. Logs hold no personal data (redacted at write time).',
  }),
  'technician.outbox': defineMethod({
    access: 'technician',
    input: WithToken,
    output: z.array(OutboxItemSummary),
    errors: ['notAuthorised'],
    description: 'Work saved on this kiosk and not yet accepted by the platform, and what failed for good.',
  }),
  'technician.retryOutbox': defineMethod({
    access: 'technician',
    input: WithToken,
    output: z.array(OutboxItemSummary),
    errors: ['notAuthorised'],
    description: 'Tries every pending and dead-letter item now.',
  }),
  'technician.submitInspection': defineMethod({
    access: 'technician',
    input: WithToken.extend({ draft: InspectionDraft }).strict(),
    output: InspectionRecord,
    errors: ['notAuthorised'],
    description:
      'Builds the 巡检单 from the draft, the device statuses and the recorded tests, stores it, and sends it to the platform (queued if unreachable).',
  }),
  'technician.printInspection': defineMethod({
    access: 'technician',
    input: WithToken.extend({ id: z.string().max(64) }).strict(),
    output: z.object({}),
    errors: ['notAuthorised', 'notFound', 'printFailed'],
    description: 'Prints a stored 巡检单 on the receipt printer.',
  }),
  'kiosk.serviceState': defineMethod({
    access: 'public',
    input: Empty,
    output: ServiceState,
    description:
      'Whether the kiosk serves residents: out of service (with the staff message) by a remote command from the county console, until staff end it; `service.changed` follows it.',
  }),
  'host.screenshotTaken': defineMethod({
    access: 'public',
    input: ScreenshotAnswer,
    output: Empty,
    description:
      "The page's answer to `screenshot.requested`: a PNG of the attract screen, or why there is none. An answer nobody waits for is dropped.",
  }),
  'dev.remoteCommand': defineMethod({
    access: 'development',
    input: RemoteCommandRequest,
    output: z.object({
      result: CommandResult,
      pngBase64: z.string().nullable().describe('screenshot only: the PNG the platform would receive'),
    }),
    errors: ['notAvailable'],
    description:
      'Dev builds only: runs a remote command as if the platform had sent it with a heartbeat answer (a restart is reported, not carried out). Answers notAvailable on a station.',
  }),
  'dev.emulator': defineMethod({
    access: 'development',
    input: z
      .object({
        device: DeviceKind,
        action: z.string().regex(/^[a-zA-Z]{2,40}$/),
        argument: z.string().max(200).optional(),
      })
      .strict(),
    output: DevicesSnapshot,
    errors: ['notAvailable', 'unknownAction'],
    description: 'Dev builds only: flips an emulator (insert a card, paper out …). Answers notAvailable on a station.',
  }),
} as const;

export const events = {
  'catalog.statusChanged': defineEvent({
    payload: CatalogStatus,
    description: 'The catalog version, its age or the platform reachability changed.',
  }),
  'devices.changed': defineEvent({
    payload: DevicesSnapshot,
    description: 'A device changed state, or what journeys can start changed.',
  }),
  'idCard.event': defineEvent({
    payload: IdCardEvent,
    description: 'A card was placed, read (masked), removed, or could not be read.',
  }),
  'keypad.pressed': defineEvent({
    payload: KeypadPress,
    description: 'A key on the 好差评 evaluation keypad was pressed.',
  }),
  'scanner.scanned': defineEvent({
    payload: ScannedCode,
    description:
      'The QR scanner read a code, as core classified it (a receipt, an appointment slip, a ticket, or something else held for the visit); never the raw text.',
  }),
  'session.visitEnded': defineEvent({
    payload: z.object({ reason: z.enum(['anotherPersonsCard']) }),
    description:
      'Core ended the visit on its own (a card of someone else was read while a resident was signed in): the screens start afresh.',
  }),
  'service.changed': defineEvent({
    payload: ServiceState,
    description: 'The kiosk went out of service (with the staff message) or back into service.',
  }),
  'screenshot.requested': defineEvent({
    payload: ScreenshotRequest,
    description:
      'The county console asked for a screenshot and no resident session is active: the page shows the attract screen, captures it and answers with `host.screenshotTaken`.',
  }),
  'videoHelp.message': defineEvent({
    payload: VideoHelpIncoming,
    description:
      "视频帮办: a frame from the platform for this kiosk's call (queued, accepted, SDP, ICE, a proposal, ended…), or core's word that the link was lost or closed.",
  }),
  'outbox.changed': defineEvent({
    payload: z.object({ pending: z.number().int().min(0), deadLetters: z.number().int().min(0) }),
    description: 'Work saved on this kiosk and not yet sent changed (the status line shows it).',
  }),
} as const;

export const contract = { methods, events } as const;
export type KioskContract = typeof contract;
