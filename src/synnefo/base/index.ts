// The base part of opskit/synnefo (being built).
export {};
