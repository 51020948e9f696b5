// The pithos part of opskit/synnefo (being built).
export {};
