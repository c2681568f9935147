import{createRequire as __spe_cr}from'node:module';const require=__spe_cr(import.meta.url);
import{a,b}from"./chunk-KTWI4WCH.js";import"./chunk-ULAR63RA.js";import"./chunk-NGVTDJDO.js";export{a as create,b as hashFiles};
