/** A package installed in the environment, as the manager lists it. */
export interface InstalledPackage {
  /** PEP 503 normalised name. */
  name: string
  version: string
}
