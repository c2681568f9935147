import{createRequire as __spe_cr}from'node:module';const require=__spe_cr(import.meta.url);
import{a,b}from"./chunk-IEPVUJK6.js";import"./chunk-M55TI7EF.js";import"./chunk-NGVTDJDO.js";export{a as create,b as hashFiles};
