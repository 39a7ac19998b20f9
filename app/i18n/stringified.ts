/** The same shape with any string values: how an English file mirrors its Korean source. */
export type Stringified<T> = { [K in keyof T]: T[K] extends string ? string : Stringified<T[K]> };
