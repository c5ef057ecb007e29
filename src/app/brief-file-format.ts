/** The files a brief is sent as; apart from brief-files.ts so a route can name them without loading the renderers. */
export const BRIEF_FILE_FORMATS = ['html', 'docx', 'pdf', 'md'] as const;
export type BriefFileFormat = (typeof BRIEF_FILE_FORMATS)[number];

export interface BriefFile {
  bytes: Uint8Array;
  contentType: string;
  /** A file name to save it under: `us-dprk-2018-brief-2018-10-07.pdf`. */
  fileName: string;
}
