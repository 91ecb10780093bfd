// Builds the demo's HH-RLHF subset from the harmless-base test split (red-team conversations):
//   node --import tsx lib/cli/build-fixtures/hh-rlhf-demo.ts --source DIR --candidates   (prints them, to read)
//   node --import tsx lib/cli/build-fixtures/hh-rlhf-demo.ts --source DIR [--out DIR]     (writes the subset)
// Two steps. Rules pick candidates (selectHhCandidates); then a person reads every candidate whole and
// keeps only the benign ones: HH_DEMO_KEPT_LINES below is that reading, so the subset is reproducible.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { parseTranscript, type THhTurn } from "@/lib/import/dialects/hh-rlhf";
import { parseCliArgs } from "../args";

export const HH_DEMO_DATA = "prisma/demo/hh_rlhf_harmless";
export const HH_DEMO_FILE = "harmless-base-test-demo.jsonl";
export const HH_DEMO_LINES_FILE = "source-lines.json";
const SOURCE_FILE = "harmless-base-test.jsonl.gz";

/** At most this many Human turns: a newcomer reads the whole conversation at a glance. */
export const MAX_HUMAN_TURNS = 3;
/** At most this many characters in both transcripts together. */
export const MAX_PAIR_CHARS = 1400;

/**
 * Words that end a candidate when any turn of either transcript holds them: a stem matches any word
 * it starts ("kill" in "killer"), an entry ending in "$" only the whole word ("ass$" spares
 * "assistant"). Deliberately broad (pets, money and family go too): the reading that follows is the
 * real filter, and fewer candidates are read more carefully.
 */
export const HH_BLOCKLIST: readonly string[] = [
  // violence and weapons
  ...["kill", "murder", "die$", "dead", "death", "dying", "harm", "hurt", "injur", "blood", "gun", "weapon"],
  ...["knife", "knives", "bomb", "explo", "shoot", "shot$", "stab", "poison", "fight", "punch", "hit$"],
  ...["beat$", "attack", "assault", "abus", "violen", "war$", "wars$", "terror", "hostage", "kidnap"],
  ...["tortur", "strangl", "scar$", "behead", "drown", "electrocut", "riot", "destroy", "destruct"],
  ...["razor", "acid", "anthrax", "toxic", "burn", "fire", "human meat", "skin", "dogfight", "hold$"],
  // drugs, alcohol, smoking
  ...["drug", "cocaine", "heroin", "meth", "weed", "marijuana", "cannabis", "high$", "pot$", "stoned"],
  ...["overdose", "pill", "opioid", "alcohol", "drunk", "beer", "wine", "vodka", "whisk", "booze", "cigar"],
  ...["smok", "vape", "lsd", "mdma", "ecstasy", "psilocybin", "mushroom", "digoxin"],
  // sex and profanity
  ...["sex", "porn", "nude", "naked", "penis", "vagina", "breast", "boob", "dick", "cock", "pussy", "ass$"],
  ...["butt", "fuck", "shit", "bitch", "damn", "hell$", "crap", "piss", "whore", "slut", "horny", "orgasm"],
  ...["masturbat", "erotic", "fetish", "prostitut", "escort", "virgin", "condom", "rape", "molest", "anus"],
  ...["kiss", "crush", "dirty", "curse", "cuss", "swear", "profan", "f word", "bad word", "inappropriate"],
  ...["club", "dancer", "strip", "wearing", "clothes", "night action"],
  // crime, deception, privacy
  ...["steal", "stole", "theft", "thief", "rob", "burglar", "shoplift", "fraud", "scam", "launder"],
  ...["counterfeit", "hack", "pirat", "illegal", "crime", "criminal", "prison", "jail", "arrest", "police"],
  ...["cop$", "gang", "mafia", "smuggl", "brib", "blackmail", "cheat", "lie$", "lying", "trick", "prank"],
  ...["revenge", "spy", "stalk", "threat", "sneak", "fake", "forg", "reproduce", "without them", "secret"],
  ...["record", "camera", "hide", "hidden", "spoof", "torrent", "serial", "pickpocket", "purse", "lock$"],
  ...["dark web", "break into", "embezzl", "felony", "evasion", "dine and dash", "without paying", "free$"],
  ...["sabotag", "ruin", "damag", "spam", "virus", "mess with", "drama", "dishonest"],
  ...["address", "email", "e-mail", "phone", "ssn", "social security", "credit card", "bank", "account"],
  ...["password", "locate", "residen", "lives$", "dental assistant", "birth day", "get off of jury"],
  // hate, slurs, groups of people
  ...["nigg", "negro", "racis", "race$", "black", "white", "asian", "mexican", "jew", "muslim", "islam"],
  ...["arab", "gay", "lesbian", "trans$", "homosex", "queer", "retard", "fag", "immigra", "chink", "spic"],
  ...["kike", "nazi", "hitler", "slave", "ethnic", "kkk", "apartheid", "women", "woman", "men$", "man$"],
  ...["chinese", "china", "african", "french", "italian", "native", "indian", "india$", "japanese"],
  ...["albino", "foreign", "accent", "english", "older people", "selfish", "prejudic", "strabismus"],
  // insults and cruelty
  ...["fat$", "ugly", "stupid", "idiot", "dumb", "moron", "hate", "insult", "offensive", "rude", "nasty"],
  ...["crybaby", "savage", "gross", "filthy", "horrible", "not worth", "smell", "jealous", "evil"],
  // self-harm and health
  ...["suicid", "self-harm", "cutting", "cut$", "depress", "anxi", "anorex", "bulimi", "starv", "cancer"],
  ...["vomit", "diarrhea", "fece", "poop", "pee$", "peed", "snot", "booger", "toilet", "tattoo", "carve"],
  // religion and politics
  ...["god$", "jesus", "atheis", "nun$", "church", "religio", "scientolog", "trump", "biden", "obama"],
  ...["politic", "democrat", "republican", "liberal", "conservative", "abortion", "president", "congress"],
  ...["senator", "governor", "marx", "propaganda", "protest", "capitol", "covid", "vaccin", "climate"],
  // children and relationships
  ...["child", "kid$", "kids$", "baby", "minor$", "teen", "girl", "boy$", "boys$", "frat", "sororit"],
  ...["wife", "husband", "boyfriend", "marry", "divorce", "affair", "ex$", "gambl", "casino"],
  // the rest of what a first read of the candidates showed: pranks on neighbours, breaking things,
  // rule-bending, requests for rude words or for personal data
  ...["neighbor", "wifi", "package", "mailman", "drone", "boat", "trip$", "break$", "exhaust", "ammo"],
  ...["ticket", "speed", "expir", "dumpster", "gate", "traffic", "abandon", "engine", "into the water"],
  ...["take$", "take that", "kettle", "donation", "library", "exchange money", "wronged", "apt$"],
  ...["bad$", "suck", "upset", "perverse", "letter words", "ugliest", "clown", "makeup", "desire"],
  ...["panic", "fear", "nose", "shock", "diverse", "interracial", "rich$", "poor$", "newsom", "seat belt"],
];

const BLOCK_RE = new RegExp(
  `\\b(?:${HH_BLOCKLIST.map((entry) =>
    entry.endsWith("$")
      ? `${escapeRegExp(entry.slice(0, -1))}\\b`
      : escapeRegExp(entry).replaceAll(" ", "\\s+"),
  ).join("|")})`,
  "i",
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}

/** The blocklisted word a text holds, or null. */
export function blockedWord(text: string): string | null {
  return BLOCK_RE.exec(text)?.[0] ?? null;
}

/**
 * The source lines (0-based) the rules let through: both transcripts parse, at most MAX_HUMAN_TURNS
 * Human turns, at most MAX_PAIR_CHARS together, they differ in exactly their final Assistant turn
 * and neither final answer is empty, and no turn of either holds a blocklisted word.
 */
export function selectHhCandidates(lines: readonly string[]): number[] {
  const picked: number[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const record = JSON.parse(line) as { chosen: string; rejected: string };
    if (record.chosen.length + record.rejected.length > MAX_PAIR_CHARS) return;
    const chosen = parseTranscript(record.chosen);
    const rejected = parseTranscript(record.rejected);
    if (!chosen || !rejected || !isOneAnswerApart(chosen, rejected)) return;
    if (chosen.filter((t) => t.role === "user").length > MAX_HUMAN_TURNS) return;
    if ([...chosen, ...rejected].some((t) => blockedWord(t.content) !== null)) return;
    picked.push(index);
  });
  return picked;
}

function isOneAnswerApart(chosen: readonly THhTurn[], rejected: readonly THhTurn[]): boolean {
  if (chosen.length !== rejected.length) return false;
  const last = chosen.length - 1;
  const isSamePrefix = chosen.slice(0, last).every((t, i) => t.content === rejected[i].content);
  return (
    isSamePrefix &&
    chosen[last].role === "assistant" &&
    chosen[last].content.trim() !== "" &&
    rejected[last].content.trim() !== "" &&
    chosen[last].content !== rejected[last].content
  );
}

/**
 * The candidates kept after reading each one whole (0-based source lines): 34 of the 55 the rules
 * select. Left out: any pair in which either side is harmful, offensive or upsetting, insults
 * someone, or helps or condones wrongdoing or unsafe acts, whatever the answer. Each dropped line
 * and why is listed in the subset's SOURCE.md.
 */
export const HH_DEMO_KEPT_LINES: readonly number[] = [
  9, 93, 211, 269, 289, 470, 548, 578, 593, 641, 646, 648, 716, 797, 931, 998, 1002, 1014, 1050, 1057, 1171,
  1181, 1196, 1454, 1559, 1640, 1663, 1866, 1879, 1918, 1930, 1953, 1978, 2130,
];

function readSourceLines(source: string): string[] {
  return gunzipSync(readFileSync(path.join(source, SOURCE_FILE)))
    .toString("utf8")
    .split("\n");
}

export function buildHhDemoSubset(options: { source: string; out: string }): number {
  const lines = readSourceLines(options.source);
  const candidates = new Set(selectHhCandidates(lines));
  const stray = HH_DEMO_KEPT_LINES.filter((n) => !candidates.has(n));
  if (stray.length > 0) throw new Error(`kept lines the rules do not select: ${stray.join(", ")}`);
  mkdirSync(options.out, { recursive: true });
  writeFileSync(
    path.join(options.out, HH_DEMO_FILE),
    HH_DEMO_KEPT_LINES.map((n) => `${lines[n]}\n`).join(""),
  );
  writeFileSync(path.join(options.out, HH_DEMO_LINES_FILE), `${JSON.stringify(HH_DEMO_KEPT_LINES)}\n`);
  copyFileSync(path.join(options.source, "LICENSE"), path.join(options.out, "LICENSE"));
  return HH_DEMO_KEPT_LINES.length;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "");
if (isMain) {
  const args = parseCliArgs(
    process.argv.slice(2),
    { source: { type: "string" }, out: { type: "string" }, candidates: { type: "boolean" } },
    z
      .object({
        source: z.string().min(1),
        out: z.string().default(HH_DEMO_DATA),
        candidates: z.boolean().default(false),
      })
      .strict(),
  );
  if (args.candidates) {
    const lines = readSourceLines(args.source);
    const picked = selectHhCandidates(lines);
    for (const n of picked) {
      const { chosen, rejected } = JSON.parse(lines[n]) as { chosen: string; rejected: string };
      console.log(`===== line ${n}\n--- chosen:${chosen}\n--- rejected, its last turn:`);
      console.log(parseTranscript(rejected)!.at(-1)!.content);
    }
    console.log(`${picked.length} candidates`);
  } else {
    const kept = buildHhDemoSubset(args);
    console.log(`${path.join(args.out, HH_DEMO_FILE)}: ${kept} pairs`);
  }
}
