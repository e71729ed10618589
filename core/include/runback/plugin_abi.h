/* The runback plugin ABI: what crosses the boundary between runback and a plugin library.
 *
 * Plain C on purpose: a plugin built by another compiler, or in another language, works as long
 * as it exports one function with C linkage and fills these structs. Most plugins are written
 * in C++ against <runback/plugin.hpp>, which builds everything here from a short class; read
 * that header first. This one is the contract.
 *
 * The handshake. The host resolves one symbol, RUNBACK_PLUGIN_ENTRY_SYMBOL, calls it once and
 * reads the rb_plugin it returns. The first four fields of rb_plugin (abi_major, abi_minor,
 * struct_size, name) never move. The host loads the plugin only when
 *     plugin abi_major == host abi_major  and  plugin abi_minor <= host abi_minor
 * and otherwise refuses it with a message naming both versions. Within one major version structs
 * only grow at the end, each carrying its own struct_size, so a host reads only what a plugin
 * built against an older minor version filled in.
 *
 * Capabilities. Every hook below is OPTIONAL unless marked REQUIRED: a null hook means the
 * plugin does not provide it, and `runback plugin list` shows which it provides.
 *
 * Ownership, for every call:
 *   - Everything the host passes in (rb_context, rb_params, rb_day_log, their strings and arrays)
 *     is owned by the host and valid only during the call. Copy what you want to keep.
 *   - A hook returns results by calling the rb_sink it was given. What you pass to the sink is
 *     owned by the plugin and needs to be valid only during that sink call: the host copies it
 *     before the sink function returns. Nothing returned needs freeing, by either side.
 *   - The rb_plugin descriptor, its strings and its parameter table are owned by the plugin and
 *     must stay valid while the library is loaded (static storage).
 *
 * Threads. The host never runs two hooks of one plugin at the same time, but it may call them
 * from different threads (`runback week --all` plans runners on several). A hook that keeps
 * state between calls must not tie it to a thread.
 *
 * What changed in 1.2 (1.0 and 1.1 plugins still load):
 *   - rb_plugin: `fixed_questions`, for questions that depend on the parameters alone. They are
 *     asked once per runner's plan instead of at every checkpoint: a plugin host process then
 *     answers half as many calls.
 *
 * What changed in 1.1 (a 1.0 plugin still loads, and its structs are read as 1.0's):
 *   - rb_question: RB_QUESTION_CHOICE with `choices`, and `optional` (1.0 questions are optional).
 *   - rb_verdict: RB_WAIT with `waiting_for`, to hold the checkpoint until values come in.
 *   - Text rules (for every version): see "Text" below.
 *
 * Text. Every string a plugin gives back (names, loads, cues, question texts, reasons,
 * diagnostics, failure messages) must be valid UTF-8 on one line: no line breaks, no escape
 * codes, no other control characters (U+0000..U+001F, U+007F..U+009F), no bidirectional
 * overrides (U+202A..U+202E, U+2066..U+2069); a tab is read as a space.
 * Keys and choices are at most 64 characters, exercise names 120, other text 2000. Text that
 * breaks a rule is refused, not mended: the hook's result is dropped and the error says which
 * text, why and where.
 *
 * Errors. A hook returns RB_OK, or RB_FAILED after calling sink->fail with a message. Hooks must
 * not let exceptions or longjmps escape (the host contains them anyway, and reports the plugin
 * as faulty). The host checks every value a plugin returns (ranges, NaN, empty names) and turns
 * nonsense into an error naming the plugin and its path.
 *
 * Safety. A plugin adds exercises, cues, questions, and a checkpoint verdict that can only hold
 * the runner back (repeat, step back, stop, or wait for a value). Nothing here can raise a pain
 * limit, skip a red flag or add runs: the vocabulary does not exist, and the core clamps what it
 * receives.
 */
#ifndef RUNBACK_PLUGIN_ABI_H
#define RUNBACK_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RUNBACK_PLUGIN_ABI_MAJOR 1
#define RUNBACK_PLUGIN_ABI_MINOR 2
/* The one exported symbol: const rb_plugin* runback_plugin_entry(void). REQUIRED. */
#define RUNBACK_PLUGIN_ENTRY_SYMBOL "runback_plugin_entry"

#if defined(_WIN32)
#define RUNBACK_PLUGIN_EXPORT __declspec(dllexport)
#else
#define RUNBACK_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

enum { RB_OK = 0, RB_FAILED = 1 };

/* ---- Parameters ------------------------------------------------------------------------- */

enum rb_param_type {
  RB_PARAM_INTEGER = 0, /* whole number, e.g. "15" */
  RB_PARAM_NUMBER = 1,  /* decimal number, e.g. "2.5" */
  RB_PARAM_BOOLEAN = 2, /* "true" or "false" */
  RB_PARAM_STRING = 3,  /* any text */
  RB_PARAM_ENUM = 4     /* one of `allowed` */
};

enum rb_param_scope {
  RB_SCOPE_PROTOCOL = 0, /* set in the protocol YAML under plugin.params */
  RB_SCOPE_PROGRAMME = 1 /* set per runner: `runback start --param KEY=VALUE` */
};

/* One parameter the plugin accepts. The host validates values against this before any hook
 * sees them: type, range, allowed values, required, unknown keys (with "did you mean"). */
typedef struct rb_param_spec {
  const char* name;          /* REQUIRED: [a-z0-9_]+, unique within the plugin */
  int32_t type;              /* rb_param_type */
  int32_t scope;             /* rb_param_scope */
  int32_t required;          /* non-zero: must be given (then default_value is ignored) */
  const char* default_value; /* text as it would be written in YAML; NULL: no default */
  int32_t has_min;           /* integer and number: non-zero when `min` applies */
  double min;
  int32_t has_max; /* integer and number: non-zero when `max` applies */
  double max;
  const char* allowed;     /* enum: the values separated by '|', e.g. "alfredson|hsr" */
  const char* unit;        /* shown after values, e.g. "kg", "steps/min"; may be NULL */
  const char* description; /* REQUIRED: what it means, with the source of its default */
} rb_param_spec;

/* Parameter values after the host's validation, defaults filled in, as text. An optional
 * parameter without a default and not given is absent. */
typedef struct rb_param_value {
  const char* name;
  const char* value;
} rb_param_value;

typedef struct rb_params {
  const rb_param_value* items;
  size_t count;
} rb_params;

/* ---- What the host tells a hook --------------------------------------------------------- */

/* Dates are whole days since 1970-01-01. Absent numbers are -1. */
enum rb_session_outcome { RB_SESSION_NONE = -1, RB_DONE = 0, RB_PARTIAL = 1, RB_SKIPPED = 2 };

/* Checkpoint actions, from "no objection" to most cautious. There is no "advance": the
 * protocol's own rules decide progress; a plugin can only hold it back. */
enum rb_action_kind { RB_PROCEED = 0, RB_REPEAT = 1, RB_STEP_BACK = 2, RB_STOP = 3 };
/* ABI 1.1, verdicts only: no decision yet, the checkpoint waits for the values named in
 * rb_verdict.waiting_for (as it waits for a missing pain score). Not a checkpoint outcome. */
enum { RB_WAIT = 4 };

typedef struct rb_answer {
  const char* key;
  const char* value;
} rb_answer;

typedef struct rb_day_log {
  uint32_t struct_size;
  int32_t date;
  int32_t session;           /* rb_session_outcome */
  int32_t pain_during;       /* 0..10 or -1 */
  int32_t pain_after;        /* 0..10 or -1 */
  int32_t pain_next_morning; /* 0..10 or -1 */
  int32_t stiffness_minutes; /* 0..1440 or -1 */
  int32_t swelling;          /* 0 or 1 */
  int32_t limp;              /* 0 or 1 */
  int32_t red_flag_count;
  const rb_answer* answers; /* answers to plugin questions, e.g. {"heel-raises", "18"} */
  size_t answer_count;
} rb_day_log;

typedef struct rb_checkpoint {
  int32_t date;
  int32_t stage_index;
  int32_t outcome; /* rb_action_kind */
} rb_checkpoint;

typedef struct rb_context {
  uint32_t struct_size;
  rb_params params;
  int32_t date;            /* the day being planned, or the checkpoint's day */
  int32_t programme_start; /* the day the runner's programme started */
  int32_t stage_index;     /* 0-based */
  int32_t stage_count;
  int32_t days_at_stage;
  const char* stage_id;
  const char* protocol_id;
  const rb_day_log* logs; /* ascending by date, up to and including `date` */
  size_t log_count;
  const rb_checkpoint* checkpoints; /* decided before `date`, ascending */
  size_t checkpoint_count;
} rb_context;

/* ---- What a hook gives back, through the sink ------------------------------------------- */

enum rb_period { RB_PER_DAY = 0, RB_PER_WEEK = 1 };

typedef struct rb_exercise {
  uint32_t struct_size;
  const char* name;        /* REQUIRED, non-empty */
  int32_t sets;            /* 1..20 */
  int32_t reps;            /* 1..200, or 0 when hold_s is used */
  int32_t hold_s;          /* 1..600, or 0 when reps is used; exactly one of reps / hold_s */
  int32_t times;           /* sessions per period, 1..14 */
  int32_t per;             /* rb_period */
  const char* tempo;       /* may be NULL */
  const char* load;        /* may be NULL, e.g. "body weight + 10 kg" */
  const char* progression; /* may be NULL: how the dose rises, in words */
} rb_exercise;

typedef struct rb_cue {
  uint32_t struct_size;
  const char* text;     /* REQUIRED, non-empty, shown as is */
  double cadence_spm;   /* 0: none; else 100..240 steps per minute */
  double metronome_bpm; /* 0: none; else 40..240 beats per minute */
} rb_cue;

/* How a runner answers (`runback log DATE --answer KEY=VALUE`; the interactive prompt asks the
 * same). Answers are checked before anything is written, and reach the verdict hook as:
 *   RB_QUESTION_NUMBER  a decimal number from min to max, as typed ("18", "2.5")
 *   RB_QUESTION_YES_NO  "yes" or "no" (the runner may type yes/no/y/n/true/false/1/0, any case)
 *   RB_QUESTION_CHOICE  ABI 1.1: one of `choices`, exactly as the plugin spelt it */
enum rb_question_kind { RB_QUESTION_NUMBER = 0, RB_QUESTION_YES_NO = 1, RB_QUESTION_CHOICE = 2 };
enum rb_time_point { RB_DURING = 0, RB_AFTER = 1, RB_NEXT_MORNING = 2 };

typedef struct rb_question {
  uint32_t struct_size;
  const char* key;  /* REQUIRED: [a-z0-9_-]+, unique within one call */
  const char* text; /* REQUIRED: the question as the runner reads it */
  int32_t kind;     /* rb_question_kind */
  double min;       /* numbers: finite, min < max */
  double max;
  int32_t when; /* rb_time_point */
  /* ABI 1.1: */
  const char* choices; /* RB_QUESTION_CHOICE: the values separated by '|', e.g. "none|some|lots";
                          each [a-z0-9_-]+, 2..20 of them; otherwise NULL */
  int32_t optional;    /* 0: the checkpoint waits until it is answered (as for a pain score);
                          non-zero: an unanswered question holds nothing. 1.0 questions: optional */
} rb_question;

typedef struct rb_verdict {
  uint32_t struct_size;
  int32_t kind;      /* rb_action_kind, or RB_WAIT (ABI 1.1) */
  int32_t stages;    /* RB_STEP_BACK: 1..10; otherwise 0 */
  int32_t rest_days; /* 0..14 days without running first */
  const char* why;   /* REQUIRED for repeat, step back, stop: the reason in plain words */
  /* ABI 1.1: */
  const char* waiting_for; /* RB_WAIT, REQUIRED: what is missing, e.g. "the heel-raise count";
                              otherwise NULL */
} rb_verdict;

typedef enum rb_severity { RB_ERROR = 0, RB_WARNING = 1 } rb_severity;

/* Given to every hook. Each hook uses only the functions named in its description; calling
 * another is reported as a fault of the plugin. `host` must be passed back unchanged. */
typedef struct rb_sink {
  uint32_t struct_size;
  void* host;
  /* Any hook: say why it returns RB_FAILED. */
  void (*fail)(void* host, const char* message);
  /* validate: a problem with parameter `param` (NULL: the plugin block as a whole). */
  void (*diagnostic)(void* host, int32_t severity, const char* param, const char* message);
  void (*exercise)(void* host, const rb_exercise* exercise); /* exercises */
  void (*cue)(void* host, const rb_cue* cue);                /* session_cues */
  void (*question)(void* host, const rb_question* question); /* questions */
  void (*verdict)(void* host, const rb_verdict* verdict);    /* verdict: at most once */
} rb_sink;

/* ---- The plugin ------------------------------------------------------------------------- */

typedef struct rb_plugin {
  /* Stable forever: */
  uint32_t abi_major;   /* RUNBACK_PLUGIN_ABI_MAJOR as the plugin was built */
  uint32_t abi_minor;   /* RUNBACK_PLUGIN_ABI_MINOR as the plugin was built */
  uint32_t struct_size; /* sizeof(rb_plugin) as the plugin was built */
  const char* name;     /* REQUIRED: [a-z0-9-]+, what protocols name in `plugin.name` */
  /* ABI 1.0: */
  const char* version;         /* REQUIRED, e.g. "1.2.0" */
  const char* description;     /* REQUIRED: one line */
  const rb_param_spec* params; /* may be NULL when param_count is 0 */
  size_t param_count;

  /* OPTIONAL. Checks the parameters beyond what their specs say (e.g. one must be below
   * another). Called only when the host's own checks passed. At lint time programme-scope
   * parameters are absent. Reports through sink->diagnostic; RB_FAILED only for a fault. */
  int32_t (*validate)(const rb_params* params, const rb_sink* sink);
  /* OPTIONAL. The exercises for context->date with that week's dose: sink->exercise. */
  int32_t (*exercises)(const rb_context* context, const rb_sink* sink);
  /* OPTIONAL. Cues for each run interval of the session on context->date: sink->cue. */
  int32_t (*session_cues)(const rb_context* context, const rb_sink* sink);
  /* OPTIONAL. Extra questions for the checkpoint on context->date: sink->question. */
  int32_t (*questions)(const rb_context* context, const rb_sink* sink);
  /* OPTIONAL. The plugin's view of the checkpoint on context->date from that day's log
   * (answers included): sink->verdict at most once; no call means no objection. Without an
   * answer it needs, a verdict should wait (RB_WAIT), not proceed: the host already waits for
   * unanswered questions that are not optional, so this matters for values it reads elsewhere. */
  int32_t (*verdict)(const rb_context* context, const rb_day_log* log, const rb_sink* sink);
  /* ABI 1.2: */
  /* OPTIONAL, instead of `questions` (a plugin providing both is refused): the checkpoint
   * questions when they depend on the parameters alone, never on the day, stage or logs:
   * sink->question. The host asks once per runner's plan and uses the answer at every
   * checkpoint. */
  int32_t (*fixed_questions)(const rb_params* params, const rb_sink* sink);
} rb_plugin;

typedef const rb_plugin* (*rb_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* RUNBACK_PLUGIN_ABI_H */
