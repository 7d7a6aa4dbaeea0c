// Generated from docs/openapi.json by `npm run openapi`; do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                            database: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in; sets the session cookie and returns the CSRF token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        totp?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "incident-manager" | "analyst" | "constituent" | "read-only";
                                organisationId: string | null;
                                totpEnabled: boolean;
                                disabled: boolean;
                                createdAt: string;
                            };
                            csrfToken: string;
                            permissions: string[];
                            /** @enum {string} */
                            mailDelivery: "smtp" | "none";
                            /** @enum {string} */
                            language: "en" | "sv";
                            /** @enum {string|null} */
                            languageChoice: "en" | "sv" | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session and revoke every API token of mine, this session included */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "incident-manager" | "analyst" | "constituent" | "read-only";
                                organisationId: string | null;
                                totpEnabled: boolean;
                                disabled: boolean;
                                createdAt: string;
                            };
                            csrfToken: string;
                            permissions: string[];
                            /** @enum {string} */
                            mailDelivery: "smtp" | "none";
                            /** @enum {string} */
                            language: "en" | "sv";
                            /** @enum {string|null} */
                            languageChoice: "en" | "sv" | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/language": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Choose the interface's language, or null for the team's */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string|null} */
                        language: "en" | "sv" | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "incident-manager" | "analyst" | "constituent" | "read-only";
                                organisationId: string | null;
                                totpEnabled: boolean;
                                disabled: boolean;
                                createdAt: string;
                            };
                            csrfToken: string;
                            permissions: string[];
                            /** @enum {string} */
                            mailDelivery: "smtp" | "none";
                            /** @enum {string} */
                            language: "en" | "sv";
                            /** @enum {string|null} */
                            languageChoice: "en" | "sv" | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP enrolment: returns the secret to enter in an authenticator app */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                            uri: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish TOTP enrolment with a code from the app */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn TOTP off; needs a current code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users in address order, a page at a time: words in the address or name, a role, and the cursor of the page before */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    role?: "admin" | "incident-manager" | "analyst" | "constituent" | "read-only";
                    /** @description the cursor: from the page before */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "incident-manager" | "analyst" | "constituent" | "read-only";
                                organisationId: string | null;
                                totpEnabled: boolean;
                                disabled: boolean;
                                createdAt: string;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "incident-manager" | "analyst" | "constituent" | "read-only";
                        /** Format: uuid */
                        organisationId?: string | null;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "incident-manager" | "analyst" | "constituent" | "read-only";
                            organisationId: string | null;
                            totpEnabled: boolean;
                            disabled: boolean;
                            createdAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's name, role or organisation; a new role or organisation ends their sessions and tokens */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @enum {string} */
                        role?: "admin" | "incident-manager" | "analyst" | "constituent" | "read-only";
                        /** Format: uuid */
                        organisationId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "incident-manager" | "analyst" | "constituent" | "read-only";
                            organisationId: string | null;
                            totpEnabled: boolean;
                            disabled: boolean;
                            createdAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift the lockout that failed logins put on an account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user; ends their sessions and tokens */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "incident-manager" | "analyst" | "constituent" | "read-only";
                            organisationId: string | null;
                            totpEnabled: boolean;
                            disabled: boolean;
                            createdAt: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a user's password; ends their sessions and API tokens */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/reset-totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn off a user's two-factor authentication (a lost device); ends their sessions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My API tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            prefix: string;
                            scopes: ("read" | "write" | "admin")[];
                            createdAt: string;
                            expiresAt: string | null;
                            lastUsedAt: string | null;
                            revoked: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create an API token; the token is shown only in this response */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        scopes: ("read" | "write" | "admin")[];
                        /** Format: date-time */
                        expiresAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            prefix: string;
                            scopes: ("read" | "write" | "admin")[];
                            createdAt: string;
                            expiresAt: string | null;
                            lastUsedAt: string | null;
                            revoked: boolean;
                        } & {
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team profile (RFC 2350 fields) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            profile: {
                                document: {
                                    version: string;
                                    /** Format: date */
                                    lastUpdated: string;
                                    changes?: {
                                        /** Format: date */
                                        date: string;
                                        version: string;
                                        comment: string;
                                    }[];
                                    distributionList?: string;
                                    locations: string[];
                                    authentication?: string;
                                };
                                team: {
                                    name: string;
                                    shortName: string;
                                    hostOrganisation?: string;
                                    country: string;
                                    region?: string;
                                };
                                addresses: {
                                    label: string;
                                    text: string;
                                }[];
                                timeZone: string;
                                timeZoneNote?: string;
                                telephone: {
                                    label?: string;
                                    number: string;
                                }[];
                                fax?: string;
                                otherTelecommunication?: string;
                                email: {
                                    /** Format: email */
                                    address: string;
                                    note?: string;
                                };
                                encryption: {
                                    keys: {
                                        fingerprint?: string;
                                        userId?: string;
                                        /** Format: uri */
                                        url?: string;
                                    }[];
                                    note?: string;
                                };
                                teamMembers: string;
                                otherInformation?: string;
                                memberships: {
                                    organisation: string;
                                    status?: string;
                                    /** Format: date */
                                    since?: string;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                pointsOfCustomerContact?: string;
                                operatingHours: {
                                    monday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    tuesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    wednesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    thursday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    friday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    saturday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    sunday: {
                                        start: string;
                                        end: string;
                                    }[];
                                };
                                operatingHoursNote?: string;
                                holidays: {
                                    country: string;
                                    region?: string;
                                    closedOn: ("public" | "bank" | "school" | "optional" | "observance")[];
                                    extraClosedDates?: string[];
                                };
                                charter: {
                                    mission: string;
                                    constituency: string;
                                    sponsorship: string;
                                    authority: string;
                                };
                                policies: {
                                    incidentTypes: string;
                                    cooperation: string;
                                    communication: string;
                                };
                                tlp: {
                                    /** @enum {string} */
                                    default: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                    policy?: string;
                                };
                                services: {
                                    framework: string[];
                                    introduction?: string;
                                    sections: {
                                        title: string;
                                        text: string;
                                    }[];
                                };
                                reportingForms: string;
                                disclaimers: string;
                                securityTxt: {
                                    contacts?: string[];
                                    /** Format: date-time */
                                    expires?: string;
                                    preferredLanguages: string[];
                                    /** Format: uri */
                                    policy?: string;
                                    /** Format: uri */
                                    acknowledgments?: string;
                                    /** Format: uri */
                                    hiring?: string;
                                };
                                directory?: {
                                    /** @enum {string} */
                                    type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                                    nationalPointOfContact?: boolean;
                                    sectors: {
                                        /** @enum {string} */
                                        sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                                        /** @enum {string} */
                                        coverage: "yes" | "partly" | "planned" | "none";
                                        note?: string;
                                    }[];
                                };
                                nationalPointOfContact?: {
                                    name: string;
                                    /** Format: email */
                                    email: string;
                                    telephone?: string;
                                    /** Format: uri */
                                    url?: string;
                                };
                                retention?: {
                                    rawMail?: number;
                                    reports?: number;
                                    feedEvents?: number;
                                    notifications?: number;
                                    auditDetail?: number;
                                    closedIncidents?: number;
                                };
                                advisories?: {
                                    trackingIdPattern?: string;
                                    reminderDays?: number;
                                };
                                /** Format: uri */
                                publicUrl?: string;
                            };
                            version: number;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Replace the team profile; send If-Match with the version you edited to avoid overwriting a newer one */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        document: {
                            version: string;
                            /** Format: date */
                            lastUpdated: string;
                            changes?: {
                                /** Format: date */
                                date: string;
                                version: string;
                                comment: string;
                            }[];
                            distributionList?: string;
                            locations: string[];
                            authentication?: string;
                        };
                        team: {
                            name: string;
                            shortName: string;
                            hostOrganisation?: string;
                            country: string;
                            region?: string;
                        };
                        addresses: {
                            label: string;
                            text: string;
                        }[];
                        timeZone: string;
                        timeZoneNote?: string;
                        telephone: {
                            label?: string;
                            number: string;
                        }[];
                        fax?: string;
                        otherTelecommunication?: string;
                        email: {
                            /** Format: email */
                            address: string;
                            note?: string;
                        };
                        encryption: {
                            keys: {
                                fingerprint?: string;
                                userId?: string;
                                /** Format: uri */
                                url?: string;
                            }[];
                            note?: string;
                        };
                        teamMembers: string;
                        otherInformation?: string;
                        memberships: {
                            organisation: string;
                            status?: string;
                            /** Format: date */
                            since?: string;
                            /** Format: uri */
                            url?: string;
                        }[];
                        pointsOfCustomerContact?: string;
                        operatingHours: {
                            monday: {
                                start: string;
                                end: string;
                            }[];
                            tuesday: {
                                start: string;
                                end: string;
                            }[];
                            wednesday: {
                                start: string;
                                end: string;
                            }[];
                            thursday: {
                                start: string;
                                end: string;
                            }[];
                            friday: {
                                start: string;
                                end: string;
                            }[];
                            saturday: {
                                start: string;
                                end: string;
                            }[];
                            sunday: {
                                start: string;
                                end: string;
                            }[];
                        };
                        operatingHoursNote?: string;
                        holidays: {
                            country: string;
                            region?: string;
                            closedOn: ("public" | "bank" | "school" | "optional" | "observance")[];
                            extraClosedDates?: string[];
                        };
                        charter: {
                            mission: string;
                            constituency: string;
                            sponsorship: string;
                            authority: string;
                        };
                        policies: {
                            incidentTypes: string;
                            cooperation: string;
                            communication: string;
                        };
                        tlp: {
                            /** @enum {string} */
                            default: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            policy?: string;
                        };
                        services: {
                            framework: string[];
                            introduction?: string;
                            sections: {
                                title: string;
                                text: string;
                            }[];
                        };
                        reportingForms: string;
                        disclaimers: string;
                        securityTxt: {
                            contacts?: string[];
                            /** Format: date-time */
                            expires?: string;
                            preferredLanguages: string[];
                            /** Format: uri */
                            policy?: string;
                            /** Format: uri */
                            acknowledgments?: string;
                            /** Format: uri */
                            hiring?: string;
                        };
                        directory?: {
                            /** @enum {string} */
                            type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                            nationalPointOfContact?: boolean;
                            sectors: {
                                /** @enum {string} */
                                sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                                /** @enum {string} */
                                coverage: "yes" | "partly" | "planned" | "none";
                                note?: string;
                            }[];
                        };
                        nationalPointOfContact?: {
                            name: string;
                            /** Format: email */
                            email: string;
                            telephone?: string;
                            /** Format: uri */
                            url?: string;
                        };
                        retention?: {
                            rawMail?: number;
                            reports?: number;
                            feedEvents?: number;
                            notifications?: number;
                            auditDetail?: number;
                            closedIncidents?: number;
                        };
                        advisories?: {
                            trackingIdPattern?: string;
                            reminderDays?: number;
                        };
                        /** Format: uri */
                        publicUrl?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            profile: {
                                document: {
                                    version: string;
                                    /** Format: date */
                                    lastUpdated: string;
                                    changes?: {
                                        /** Format: date */
                                        date: string;
                                        version: string;
                                        comment: string;
                                    }[];
                                    distributionList?: string;
                                    locations: string[];
                                    authentication?: string;
                                };
                                team: {
                                    name: string;
                                    shortName: string;
                                    hostOrganisation?: string;
                                    country: string;
                                    region?: string;
                                };
                                addresses: {
                                    label: string;
                                    text: string;
                                }[];
                                timeZone: string;
                                timeZoneNote?: string;
                                telephone: {
                                    label?: string;
                                    number: string;
                                }[];
                                fax?: string;
                                otherTelecommunication?: string;
                                email: {
                                    /** Format: email */
                                    address: string;
                                    note?: string;
                                };
                                encryption: {
                                    keys: {
                                        fingerprint?: string;
                                        userId?: string;
                                        /** Format: uri */
                                        url?: string;
                                    }[];
                                    note?: string;
                                };
                                teamMembers: string;
                                otherInformation?: string;
                                memberships: {
                                    organisation: string;
                                    status?: string;
                                    /** Format: date */
                                    since?: string;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                pointsOfCustomerContact?: string;
                                operatingHours: {
                                    monday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    tuesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    wednesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    thursday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    friday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    saturday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    sunday: {
                                        start: string;
                                        end: string;
                                    }[];
                                };
                                operatingHoursNote?: string;
                                holidays: {
                                    country: string;
                                    region?: string;
                                    closedOn: ("public" | "bank" | "school" | "optional" | "observance")[];
                                    extraClosedDates?: string[];
                                };
                                charter: {
                                    mission: string;
                                    constituency: string;
                                    sponsorship: string;
                                    authority: string;
                                };
                                policies: {
                                    incidentTypes: string;
                                    cooperation: string;
                                    communication: string;
                                };
                                tlp: {
                                    /** @enum {string} */
                                    default: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                    policy?: string;
                                };
                                services: {
                                    framework: string[];
                                    introduction?: string;
                                    sections: {
                                        title: string;
                                        text: string;
                                    }[];
                                };
                                reportingForms: string;
                                disclaimers: string;
                                securityTxt: {
                                    contacts?: string[];
                                    /** Format: date-time */
                                    expires?: string;
                                    preferredLanguages: string[];
                                    /** Format: uri */
                                    policy?: string;
                                    /** Format: uri */
                                    acknowledgments?: string;
                                    /** Format: uri */
                                    hiring?: string;
                                };
                                directory?: {
                                    /** @enum {string} */
                                    type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                                    nationalPointOfContact?: boolean;
                                    sectors: {
                                        /** @enum {string} */
                                        sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                                        /** @enum {string} */
                                        coverage: "yes" | "partly" | "planned" | "none";
                                        note?: string;
                                    }[];
                                };
                                nationalPointOfContact?: {
                                    name: string;
                                    /** Format: email */
                                    email: string;
                                    telephone?: string;
                                    /** Format: uri */
                                    url?: string;
                                };
                                retention?: {
                                    rawMail?: number;
                                    reports?: number;
                                    feedEvents?: number;
                                    notifications?: number;
                                    auditDetail?: number;
                                    closedIncidents?: number;
                                };
                                advisories?: {
                                    trackingIdPattern?: string;
                                    reminderDays?: number;
                                };
                                /** Format: uri */
                                publicUrl?: string;
                            };
                            version: number;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rfc2350": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The RFC 2350 description (HTML, or text with ?format=txt or Accept: text/plain) */
        get: {
            parameters: {
                query?: {
                    format?: "txt" | "html";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rfc2350.txt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The RFC 2350 description as text */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/security.txt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 9116 security.txt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit log entries, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    beforeSeq?: string;
                    objectType?: string;
                    objectId?: string;
                    actor?: string;
                    action?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            seq: string;
                            at: string;
                            actor: string;
                            actorName: string | null;
                            action: string;
                            objectType: string;
                            objectId: string | null;
                            before: unknown;
                            after: unknown;
                            hash: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the hash chain and report the first bad entry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            checked: number;
                            head: string;
                            firstBad?: {
                                seq: string;
                                problem: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The retention policy (from the team profile) and what a purge would do now: a dry run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            policy: {
                                rawMail?: number;
                                reports?: number;
                                feedEvents?: number;
                                notifications?: number;
                                auditDetail?: number;
                                closedIncidents?: number;
                            };
                            plan: {
                                dryRun: boolean;
                                at: string;
                                kinds: {
                                    /** @enum {string} */
                                    kind: "rawMail" | "reports" | "feedEvents" | "notifications" | "auditDetail" | "closedIncidents";
                                    effect: string;
                                    cutoff: string | null;
                                    due: number;
                                    done: number;
                                    kept: {
                                        count: number;
                                        reason: string;
                                    } | null;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove or pseudonymise now what the policy says is due (the worker does it every night too) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dryRun: boolean;
                            at: string;
                            kinds: {
                                /** @enum {string} */
                                kind: "rawMail" | "reports" | "feedEvents" | "notifications" | "auditDetail" | "closedIncidents";
                                effect: string;
                                cutoff: string | null;
                                due: number;
                                done: number;
                                kept: {
                                    count: number;
                                    reason: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reports, newest first, paged by a cursor; status=new is the triage queue (with its SLA timers) */
        get: {
            parameters: {
                query?: {
                    status?: "new" | "incident" | "not-incident" | "merged";
                    /** @description words in the subject or text */
                    q?: string;
                    /** @description the cursor: "<time>,<id>" of the last row seen */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            channel: string;
                            status: string;
                            subject: string;
                            reporter_name: string;
                            reporter_email: string | null;
                            tlp: string;
                            sensitive: boolean;
                            intake_status: string;
                            /** Format: date-time */
                            received_at: string;
                            /** Format: date-time */
                            reported_at: string | null;
                            /** Format: date-time */
                            acknowledged_at: string | null;
                            /** Format: date-time */
                            triaged_at: string | null;
                            incident_id: string | null;
                            merged_into_id: string | null;
                            sla: {
                                acknowledge: {
                                    dueAt: string;
                                    doneAt: string | null;
                                    state: "met" | "breached" | "running" | "overdue";
                                    workingMinutes: number;
                                    targetMinutes: number;
                                };
                                triage: {
                                    dueAt: string;
                                    doneAt: string | null;
                                    state: "met" | "breached" | "running" | "overdue";
                                    workingMinutes: number;
                                    targetMinutes: number;
                                };
                            };
                            /** @description where the next page starts after this row (before=) */
                            cursor: string;
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Submit a report (constituents: the web form; analysts: also phone, Signal or meeting notes) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subject: string;
                        body: string;
                        /** @enum {string} */
                        channel?: "api" | "web-form" | "phone" | "signal" | "meeting" | "other";
                        reporterName?: string;
                        /** Format: email */
                        reporterEmail?: string;
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        /** Format: date-time */
                        receivedAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report with its mail (PGP status), attachments, indicators, triage candidates and history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            channel: string;
                            status: string;
                            not_incident_reason: string | null;
                            incident_id: string | null;
                            merged_into_id: string | null;
                            subject: string;
                            body: string;
                            reporter_name: string;
                            reporter_email: string | null;
                            organisation_id: string | null;
                            tlp: string;
                            tlp_source: string;
                            sensitive: boolean;
                            intake_status: string;
                            intake_notes: string[];
                            /** Format: date-time */
                            received_at: string;
                            /** Format: date-time */
                            reported_at: string | null;
                            machine_report: ({
                                /** @enum {string} */
                                format: "arf" | "dsn" | "xarf";
                                problems: string[];
                                suggestion?: {
                                    rsitClass: string;
                                    rsitType: string;
                                } | null;
                                routing?: string | null;
                            } & {
                                [key: string]: unknown;
                            }) | null;
                            /** Format: date-time */
                            acknowledged_at: string | null;
                            /** Format: date-time */
                            triaged_at: string | null;
                            created_by: string | null;
                            messages: ({
                                id: string;
                                direction: "in" | "out";
                                subject: string;
                                from_address: string;
                                to_addresses: string[];
                                created_at: string;
                                sent_at: string | null;
                                body_text: string;
                                body_html: string | null;
                                pgp_encryption: string;
                                pgp_signature: string;
                                pgp_signer: string | null;
                                auto_submitted: boolean;
                                automatic: boolean;
                                delivery_status: string | null;
                                delivery_error: string | null;
                                report_id: string | null;
                                tlp: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            attachments: {
                                id: string;
                                message_id: string | null;
                                filename: string;
                                content_type: string;
                                size: string | number;
                                sha256: string;
                                stored: boolean;
                                note: string | null;
                            }[];
                            indicators: {
                                kind: string;
                                value: string;
                            }[];
                            candidates: {
                                kind: "report" | "incident";
                                id: string;
                                title: string;
                                reasons: string[];
                            }[];
                            feedback: {
                                name: string;
                                rating: number;
                                comment: string;
                                /** Format: date-time */
                                givenAt: string;
                            }[];
                            operations: {
                                id: string;
                                kind: string;
                                summary: string;
                                actor: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                undoneAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{id}/raw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A message exactly as received or sent (.eml) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An attachment, always as a download (never rendered) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/not-incident": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a report aside as not an incident */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operationId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge this report into the one it duplicates */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        into: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operationId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/attach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach this report to an existing incident */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        incidentId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operationId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a report back to the triage queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operationId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/triage/operations/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo a triage decision (merge, split, attach, …) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the reporter on the report thread (signed; encrypted where required) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mailboxes polled for reports, in name order a page at a time (passwords are never shown) */
        get: {
            parameters: {
                query?: {
                    /** @description the cursor: from the page before */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            next: string | null;
                            mailboxes: {
                                id: string;
                                name: string;
                                host: string;
                                port: number;
                                secure: boolean;
                                username: string;
                                folder: string;
                                enabled: boolean;
                                last_polled_at: string | null;
                                last_error: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Add a mailbox to poll */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        host: string;
                        port: number;
                        secure: boolean;
                        username: string;
                        password: string;
                        folder?: string;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mailboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop polling a mailbox */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pgp-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored public keys of contacts, in address order a page at a time (a national team holds thousands): words in the address, and the cursor of the page before */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    /** @description the cursor: from the page before */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                fingerprint: string;
                                email: string;
                                user_ids: string[];
                                expires_at: string | null;
                                created_at: string | null;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Store a contact public key (armoured) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        armored: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fingerprint: string;
                            email: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outgoing mail and its delivery state, newest first, paged by a cursor */
        get: {
            parameters: {
                query?: {
                    status?: "queued" | "sending" | "sent" | "delayed" | "complained" | "bounced" | "failed" | "suppressed";
                    /** @description the cursor: "<time>,<id>" of the last row seen */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            report_id: string | null;
                            incident_id: string | null;
                            subject: string;
                            to_addresses: string[];
                            delivery_status: string | null;
                            delivery_error: string | null;
                            delivery_attempts: number;
                            pgp_encryption: string;
                            pgp_signature: string;
                            created_at: string;
                            sent_at: string | null;
                            tlp: string;
                            /** @description where the next page starts after this row (before=) */
                            cursor: string;
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mail/filed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery reports about nothing of ours (backscatter), filed on no report: newest first, paged by a cursor */
        get: {
            parameters: {
                query?: {
                    /** @description the cursor: "<time>,<id>" of the last row seen */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            from_address: string;
                            subject: string;
                            created_at: string;
                            machine_report: {
                                /** @enum {string} */
                                format: "arf" | "dsn" | "xarf";
                                problems: string[];
                                suggestion?: {
                                    rsitClass: string;
                                    rsitType: string;
                                } | null;
                                routing?: string | null;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description where the next page starts after this row (before=) */
                            cursor: string;
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My organisation's reports and where each stands, newest first */
        get: {
            parameters: {
                query?: {
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            subject: string;
                            channel: string;
                            status: string;
                            standing: string;
                            tlp: string;
                            reporterName: string;
                            receivedAt: string;
                            acknowledgedAt: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my organisation's reports, with the mail between its people and the team */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            subject: string;
                            channel: string;
                            status: string;
                            standing: string;
                            tlp: string;
                            reporterName: string;
                            receivedAt: string;
                            acknowledgedAt: string | null;
                            body: string;
                            feedback: {
                                rating: number;
                                comment: string;
                            } | null;
                            messages: {
                                id: string;
                                direction: string;
                                subject: string;
                                from: string;
                                at: string;
                                text: string;
                                tlp: string;
                                automatic: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/reports/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply on a report: the reply joins its thread (and its incident) as mail in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/reports/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Say how the team handled the report (1 to 5, and words); answering again replaces it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rating: number;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/taxonomies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RSIT classes and types, phases, priorities, item kinds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rsit: ({
                                value: string;
                                name: string;
                                types: ({
                                    value: string;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            } & {
                                [key: string]: unknown;
                            })[];
                            phases: string[];
                            priorities: string[];
                            impacts: string[];
                            papLabels: string[];
                            participantRoles: string[];
                            itemKinds: string[];
                            indicatorKinds: string[];
                            custodyActions: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents (constituents: those they take part in), with SLA state */
        get: {
            parameters: {
                query?: {
                    phase?: "triage" | "containment" | "eradication" | "recovery" | "lessons-learned" | "closed" | "rejected";
                    open?: boolean;
                    priority?: "low" | "normal" | "high" | "critical";
                    /** @description an RSIT class, or "unclassified" */
                    rsitClass?: string;
                    tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    /** @description only those I manage or own an open task of */
                    mine?: boolean;
                    /** @description words in the title or description */
                    q?: string;
                    /** @description newest (the default), oldest, or priority (most urgent first) */
                    sort?: "newest" | "oldest" | "priority";
                    /** @description the cursor: "<time>,<id>" of the last row seen */
                    before?: string;
                    /** @description the cursor: from the page before */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            phase: string;
                            priority: string;
                            tlp: string;
                            opened_at: string;
                            description?: string;
                            rsit_class?: string | null;
                            rsit_type?: string | null;
                            requested_priority?: string | null;
                            impact?: string;
                            affected_constituents?: string;
                            pap?: string;
                            sensitive?: boolean;
                            manager_id?: string | null;
                            initial_vector?: string;
                            patient_zero?: string;
                            attack_techniques?: string[];
                            merged_into_id?: string | null;
                            acknowledged_at?: string | null;
                            triaged_at?: string | null;
                            contained_at?: string | null;
                            resolved_at?: string | null;
                            closed_at?: string | null;
                            version?: number;
                            sla?: {
                                acknowledge: {
                                    dueAt: string;
                                    doneAt: string | null;
                                    state: "met" | "breached" | "running" | "overdue";
                                    workingMinutes: number;
                                    targetMinutes: number;
                                };
                                triage: {
                                    dueAt: string;
                                    doneAt: string | null;
                                    state: "met" | "breached" | "running" | "overdue";
                                    workingMinutes: number;
                                    targetMinutes: number;
                                };
                                resolve: {
                                    dueAt: string;
                                    doneAt: string | null;
                                    state: "met" | "breached" | "running" | "overdue";
                                    workingMinutes: number;
                                    targetMinutes: number;
                                };
                                breached: boolean;
                            };
                            /** @description where the next page starts after this row: before= (newest first) or after= (other orders) */
                            cursor: string;
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Open an incident, from reports or directly */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string;
                        rsitClass?: string | null;
                        rsitType?: string | null;
                        /** @enum {string} */
                        priority?: "low" | "normal" | "high" | "critical";
                        /** @enum {string|null} */
                        requestedPriority?: "low" | "normal" | "high" | "critical" | null;
                        /** @enum {string} */
                        impact?: "unknown" | "none" | "low" | "medium" | "high";
                        affectedConstituents?: string;
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        /** @enum {string} */
                        pap?: "CLEAR" | "GREEN" | "AMBER" | "RED";
                        /** Format: uuid */
                        managerId?: string | null;
                        reportIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            operationId: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident and everything on it that the caller may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incident: {
                                id: string;
                                title: string;
                                phase: string;
                                priority: string;
                                tlp: string;
                                opened_at: string;
                                description?: string;
                                rsit_class?: string | null;
                                rsit_type?: string | null;
                                requested_priority?: string | null;
                                impact?: string;
                                affected_constituents?: string;
                                pap?: string;
                                sensitive?: boolean;
                                manager_id?: string | null;
                                initial_vector?: string;
                                patient_zero?: string;
                                attack_techniques?: string[];
                                merged_into_id?: string | null;
                                acknowledged_at?: string | null;
                                triaged_at?: string | null;
                                contained_at?: string | null;
                                resolved_at?: string | null;
                                closed_at?: string | null;
                                version?: number;
                            };
                            viewer: {
                                kind: "team" | "participant";
                                role?: string;
                            };
                            nextPhases: string[];
                            sla: {
                                acknowledge: {
                                    dueAt: string;
                                    doneAt: string | null;
                                    state: "met" | "breached" | "running" | "overdue";
                                    workingMinutes: number;
                                    targetMinutes: number;
                                };
                                triage: {
                                    dueAt: string;
                                    doneAt: string | null;
                                    state: "met" | "breached" | "running" | "overdue";
                                    workingMinutes: number;
                                    targetMinutes: number;
                                };
                                resolve: {
                                    dueAt: string;
                                    doneAt: string | null;
                                    state: "met" | "breached" | "running" | "overdue";
                                    workingMinutes: number;
                                    targetMinutes: number;
                                };
                                breached: boolean;
                            } | null;
                            reports: ({
                                id: string;
                                tlp: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            messages: {
                                id: string;
                                direction: "in" | "out";
                                subject: string;
                                from_address: string;
                                to_addresses: string[];
                                created_at: string;
                                sent_at: string | null;
                                body_text: string;
                                body_html: string | null;
                                pgp_encryption: string;
                                pgp_signature: string;
                                pgp_signer: string | null;
                                auto_submitted: boolean;
                                automatic: boolean;
                                delivery_status: string | null;
                                delivery_error: string | null;
                                report_id: string | null;
                                tlp: string;
                            }[];
                            tasks: ({
                                id: string;
                                tlp: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            investigations: ({
                                id: string;
                                tlp: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            countermeasures: ({
                                id: string;
                                tlp: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            timeline: ({
                                id: string;
                                tlp: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            observables: ({
                                id: string;
                                tlp: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            assets: ({
                                id: string;
                                tlp: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            evidence: ({
                                id: string;
                                tlp: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            notes: {
                                id: string;
                                tlp: string;
                                body: string;
                                task_id: string | null;
                                author: string;
                                created_by: string;
                                created_at: string;
                                edited_at: string | null;
                            }[];
                            watchers: {
                                id: string;
                                name: string;
                            }[];
                            watching: boolean;
                            participants: ({
                                id: string;
                                name: string;
                                email: string | null;
                                role: string;
                                user_id: string | null;
                            } & {
                                [key: string]: unknown;
                            })[];
                            mergedIncidents: {
                                id: string;
                                title: string;
                            }[];
                            shares: {
                                item_kind: string;
                                item_id: string;
                                participant_id: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an incident (send If-Match with its version); a priority change needs priorityReason */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string;
                        rsitClass?: string | null;
                        rsitType?: string | null;
                        /** @enum {string} */
                        priority?: "low" | "normal" | "high" | "critical";
                        /** @enum {string|null} */
                        requestedPriority?: "low" | "normal" | "high" | "critical" | null;
                        /** @enum {string} */
                        impact?: "unknown" | "none" | "low" | "medium" | "high";
                        affectedConstituents?: string;
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        /** @enum {string} */
                        pap?: "CLEAR" | "GREEN" | "AMBER" | "RED";
                        /** Format: uuid */
                        managerId?: string | null;
                        priorityReason?: string;
                        /** @enum {string} */
                        phase?: "triage" | "containment" | "eradication" | "recovery" | "lessons-learned" | "closed" | "rejected";
                        sensitive?: boolean;
                        initialVector?: string;
                        patientZero?: string;
                        attackTechniques?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/incidents/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One change to many incidents (manager, priority with a reason, phase), all or none */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: string[];
                        change: {
                            /** Format: uuid */
                            managerId?: string | null;
                            /** @enum {string} */
                            priority?: "low" | "normal" | "high" | "critical";
                            priorityReason?: string;
                            /** @enum {string} */
                            phase?: "triage" | "containment" | "eradication" | "recovery" | "lessons-learned" | "closed" | "rejected";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge this incident into another (undoable) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        into: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operationId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/split": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Split reports off into a new incident (undoable) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reportIds: string[];
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            operationId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a task; dueInWorkingMinutes counts on the team clock */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string;
                        /** Format: uuid */
                        ownerId?: string | null;
                        /** Format: date-time */
                        dueAt?: string;
                        dueInWorkingMinutes?: number;
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a task */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status?: "open" | "done" | "cancelled";
                        /** Format: uuid */
                        ownerId?: string | null;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/incidents/{id}/investigations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open an investigation (a child work item, as in RTIR) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        correspondent?: string;
                        notes?: string;
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/investigations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an investigation */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status?: "open" | "stalled" | "resolved" | "rejected";
                        notes?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/incidents/{id}/countermeasures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a countermeasure (starts pending activation) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: string;
                        target: string;
                        description?: string;
                        notifyOnRemoval?: string[];
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/countermeasures/{id}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a countermeasure to its next state; removal notifies those listed, each through the TLP gate, and says who was not told and why */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        to: "pending-activation" | "active" | "pending-removal" | "removed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notices: {
                                to: string;
                                status: string;
                                reason: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an event to the timeline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        occurredAt: string;
                        kind?: string;
                        summary: string;
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/observables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an observable (scoped to this incident) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "ipv4" | "ipv6" | "domain" | "url" | "email" | "md5" | "sha1" | "sha256" | "cve" | "other";
                        value: string;
                        description?: string;
                        isIoc?: boolean;
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/observables/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an observable’s TLP label, whether it is an indicator, or its description; peer teams it is shared with get the change */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        isIoc?: boolean;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/incidents/{id}/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an affected asset */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        kind?: string;
                        description?: string;
                        compromised?: boolean;
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register evidence: its SHA-256, or the file itself (base64, up to 20 MB here) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        item: string;
                        description?: string;
                        sha256?: string;
                        contentBase64?: string;
                        collectedBy: string;
                        /** Format: date-time */
                        collectedAt: string;
                        location: string;
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}/custody": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The chain of custody (JSON, or CSV with ?format=csv) */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Record a hand-over, access or storage (append-only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        /** @enum {string} */
                        action: "collected" | "transferred" | "accessed" | "analysed" | "stored" | "returned" | "destroyed";
                        fromPerson?: string;
                        toPerson?: string;
                        location?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/participants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a participant: a user, or a person by name and address */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId?: string;
                        name?: string;
                        /** Format: email */
                        email?: string;
                        /** @enum {string} */
                        role: "team-member" | "constituent-staff" | "third-party" | "law-enforcement";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a participant (they lose access at once) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The peer teams the incident is shared with, each with its revision, when it was last published and any error */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            shares: {
                                peerTeamId: string;
                                peerName: string;
                                sharedBy: string;
                                sharedAt: string;
                                withdrawnAt: string | null;
                                revision: number;
                                publishedAt: string | null;
                                lastError: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Share one item with one participant (refused when TLP does not admit them) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "report" | "message" | "task" | "investigation" | "countermeasure" | "timeline" | "observable" | "asset" | "evidence" | "note";
                        itemId: string;
                        /** Format: uuid */
                        participantId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Stop sharing an item with a participant */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "report" | "message" | "task" | "investigation" | "countermeasure" | "timeline" | "observable" | "asset" | "evidence" | "note";
                        itemId: string;
                        /** Format: uuid */
                        participantId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail participants from the incident (tagged, signed, encrypted where required, TLP-checked) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        participantIds: string[];
                        subject: string;
                        text: string;
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/debrief": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lessons-learned debrief (generated on first request); ?format=html or pdf to render, labelled with the most restrictive TLP of what it holds; ?audience=<TLP> leaves out what is above that label */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "html" | "pdf";
                    audience?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The debrief as JSON, or rendered as HTML or PDF (format=) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            content: {
                                title: string;
                                summary: string;
                                facts: {
                                    label: string;
                                    value: string;
                                }[];
                                durations: {
                                    measure: string;
                                    workingMinutes: number | null;
                                    targetMinutes: number | null;
                                    state: string;
                                }[];
                                timeline: {
                                    at: string;
                                    kind: string;
                                    summary: string;
                                    /** @enum {string} */
                                    tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                }[];
                                wentWell: string;
                                hindered: string;
                                actions: {
                                    action: string;
                                    owner: string;
                                    due: string;
                                }[];
                            };
                            status: "draft" | "final";
                            version: number;
                            finalisedAt: string | null;
                            tlp?: string;
                            leftOut?: number;
                        };
                        "text/html": string;
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Edit the draft debrief (If-Match: its version); regenerate refreshes facts and timeline; final locks it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content?: unknown;
                        regenerate?: boolean;
                        final?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            content: {
                                title: string;
                                summary: string;
                                facts: {
                                    label: string;
                                    value: string;
                                }[];
                                durations: {
                                    measure: string;
                                    workingMinutes: number | null;
                                    targetMinutes: number | null;
                                    state: string;
                                }[];
                                timeline: {
                                    at: string;
                                    kind: string;
                                    summary: string;
                                    /** @enum {string} */
                                    tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                }[];
                                wentWell: string;
                                hindered: string;
                                actions: {
                                    action: string;
                                    owner: string;
                                    due: string;
                                }[];
                            };
                            status: "draft" | "final";
                            version: number;
                            finalisedAt: string | null;
                            tlp?: string;
                            leftOut?: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/debrief/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a final debrief for changes (If-Match: its version); the reason is written on the timeline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            content: {
                                title: string;
                                summary: string;
                                facts: {
                                    label: string;
                                    value: string;
                                }[];
                                durations: {
                                    measure: string;
                                    workingMinutes: number | null;
                                    targetMinutes: number | null;
                                    state: string;
                                }[];
                                timeline: {
                                    at: string;
                                    kind: string;
                                    summary: string;
                                    /** @enum {string} */
                                    tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                }[];
                                wentWell: string;
                                hindered: string;
                                actions: {
                                    action: string;
                                    owner: string;
                                    due: string;
                                }[];
                            };
                            status: "draft" | "final";
                            version: number;
                            finalisedAt: string | null;
                            tlp?: string;
                            leftOut?: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Full-text search over reports, incidents and the team’s notes, a page at a time, best match or newest first */
        get: {
            parameters: {
                query: {
                    q: string;
                    kind?: "report" | "incident" | "note";
                    sort?: "relevance" | "newest";
                    /** @description the cursor: from the page before */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hits: {
                                /** @enum {string} */
                                kind: "report" | "incident" | "note";
                                id: string;
                                /** @description for a note: the incident it is on */
                                incidentId: string | null;
                                title: string;
                                status: string;
                                tlp: string;
                                /** Format: date-time */
                                at: string;
                                rank: number;
                                snippet: string;
                            }[];
                            /** @description the cursor of the next page (after=), null on the last */
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indicators/seen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where else an indicator was seen (retro-hunt): reports, incidents, what peers shared (STIX, MISP) and, for those who may read feeds, the feeds that reported it; defanged input is understood */
        get: {
            parameters: {
                query: {
                    value: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the indicator as stored: refanged and normalised */
                            value: string;
                            /** @description the warninglists the value is on (known benign: never used to link reports and incidents) */
                            warninglists: string[];
                            sightings: {
                                /** @enum {string} */
                                kind: "report" | "incident" | "shared" | "feed";
                                /** @description a report's or incident's number, a shared object's STIX id, a feed's name */
                                id: string;
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description when it was seen last
                                 */
                                at: string;
                                indicatorKind: string;
                                /** @description a feed: how many of its events named the value */
                                events?: number;
                                /**
                                 * Format: date-time
                                 * @description a feed: its oldest such event's time
                                 */
                                firstAt?: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sla-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SLA targets per priority, in working minutes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "critical";
                            acknowledgeMinutes: number;
                            triageMinutes: number;
                            resolveMinutes: number;
                        }[];
                    };
                };
            };
        };
        /** Set the SLA targets */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "critical";
                        acknowledgeMinutes: number;
                        triageMinutes: number;
                        resolveMinutes: number;
                    }[];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "critical";
                            acknowledgeMinutes: number;
                            triageMinutes: number;
                            resolveMinutes: number;
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/kpi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Time to acknowledge, triage, contain and resolve per RSIT class and priority (working minutes) */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            rows: {
                                rsitClass: string;
                                priority: string;
                                incidents: number;
                                acknowledge: {
                                    count: number;
                                    medianMinutes: number | null;
                                    p90Minutes: number | null;
                                    breaches: number;
                                };
                                triage: {
                                    count: number;
                                    medianMinutes: number | null;
                                    p90Minutes: number | null;
                                    breaches: number;
                                };
                                contain: {
                                    count: number;
                                    medianMinutes: number | null;
                                    p90Minutes: number | null;
                                    breaches: number;
                                };
                                resolve: {
                                    count: number;
                                    medianMinutes: number | null;
                                    p90Minutes: number | null;
                                    breaches: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/team-members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The people who may manage incidents and own tasks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            role: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/observables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Observables across incidents, newest first, with how many other incidents saw each value */
        get: {
            parameters: {
                query?: {
                    /** @description a value or part of one; defanged is fine */
                    q?: string;
                    kind?: string;
                    ioc?: boolean;
                    /** @description the cursor: "<time>,<id>" of the last row seen */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            incidentId: string;
                            incidentTitle: string;
                            kind: string;
                            value: string;
                            description: string;
                            ioc: boolean;
                            /** @enum {string} */
                            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            /** Format: date-time */
                            createdAt: string;
                            seenInOtherIncidents: number;
                            cursor: string;
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tasks across incidents: mine, nobody's or someone's; open (the default) or finished; newest first or soonest due first */
        get: {
            parameters: {
                query?: {
                    owner?: ("me" | "nobody") | string;
                    status?: "open" | "done" | "cancelled";
                    overdue?: boolean;
                    /** @description newest first (the default), or the soonest due first */
                    sort?: "newest" | "due";
                    /** @description the cursor: "<time>,<id>" of the last row seen */
                    before?: string;
                    /** @description the cursor of the due order */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            incidentId: string;
                            incidentTitle: string;
                            title: string;
                            status: string;
                            owner: string | null;
                            ownerId: string | null;
                            dueAt: string | null;
                            overdue: boolean;
                            createdAt: string;
                            cursor: string;
                            /** @enum {string} */
                            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a note in Markdown to the incident, or to one of its tasks */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        /** Format: uuid */
                        taskId?: string;
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the text of a note of your own */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/incidents/{id}/watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Watch an incident: its changes appear among my updates */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        /** Stop watching an incident */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/watch-mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether I am told of updates by mail too */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description a digest by mail every 15 minutes, besides the dashboard */
                            mail: boolean;
                        };
                    };
                };
            };
        };
        /** Be told of updates on the incidents I watch or manage by mail too (from now on), or not */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a digest by mail every 15 minutes, besides the dashboard */
                        mail: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description a digest by mail every 15 minutes, besides the dashboard */
                            mail: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What others did on the incidents I watch or manage, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description the cursor: the time of the last update seen */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            kind: "timeline" | "note";
                            id: string;
                            incidentId: string;
                            incidentTitle: string;
                            at: string;
                            text: string;
                            by: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/observables/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add observables from a pasted list, defanged or not; says what was added, already there, or not understood */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        isIoc?: boolean;
                        /** @enum {string} */
                        tlp?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: {
                                kind: string;
                                value: string;
                            }[];
                            already: {
                                kind: string;
                                value: string;
                            }[];
                            unrecognised: {
                                line: number;
                                text: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incident-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team's incident templates by RSIT class and type, a page at a time */
        get: {
            parameters: {
                query?: {
                    /** @description the cursor: from the page before */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            templates: {
                                id: string;
                                name: string;
                                rsitClass: string;
                                rsitType: string | null;
                                /** @enum {string} */
                                priority: "low" | "normal" | "high" | "critical";
                                /** @enum {string} */
                                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                tasks: {
                                    title: string;
                                    dueInWorkingMinutes?: number;
                                }[];
                                version: number;
                                updatedAt: string;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Add a template for an RSIT type (or a class) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        rsitClass: string;
                        rsitType?: string | null;
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "critical";
                        /** @enum {string} */
                        tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        tasks: {
                            title: string;
                            dueInWorkingMinutes?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            rsitClass: string;
                            rsitType: string | null;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "critical";
                            /** @enum {string} */
                            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            tasks: {
                                title: string;
                                dueInWorkingMinutes?: number;
                            }[];
                            version: number;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incident-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a template (send If-Match with its version) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        rsitClass: string;
                        rsitType?: string | null;
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "critical";
                        /** @enum {string} */
                        tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        tasks: {
                            title: string;
                            dueInWorkingMinutes?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            rsitClass: string;
                            rsitType: string | null;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "critical";
                            /** @enum {string} */
                            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            tasks: {
                                title: string;
                                dueInWorkingMinutes?: number;
                            }[];
                            version: number;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a template */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Peer teams, searched by name, country, type, sector served, FIRST service and membership */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    country?: string;
                    type?: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                    sector?: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                    coverage?: "yes" | "partly" | "planned" | "none";
                    service?: string;
                    membership?: "FIRST" | "Trusted Introducer" | "TF-CSIRT" | "EGC" | "National CERT forum" | "Other";
                    status?: string;
                    /** @description the cursor: from the page before */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            teams: {
                                id: string;
                                version: number;
                                createdAt: string;
                                updatedAt: string;
                                team: {
                                    name: string;
                                    shortName?: string;
                                    country: string;
                                    region?: string;
                                    hostOrganisation?: string;
                                    /** @enum {string} */
                                    type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                                    nationalPointOfContact?: boolean;
                                    sectors: {
                                        /** @enum {string} */
                                        sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                                        /** @enum {string} */
                                        coverage: "yes" | "partly" | "planned" | "none";
                                        note?: string;
                                    }[];
                                    services: string[];
                                    memberships: {
                                        /** @enum {string} */
                                        body: "FIRST" | "Trusted Introducer" | "TF-CSIRT" | "EGC" | "National CERT forum" | "Other";
                                        name?: string;
                                        status?: string;
                                        /** Format: date */
                                        since?: string;
                                        /** Format: uri */
                                        url?: string;
                                    }[];
                                    /** Format: email */
                                    email?: string;
                                    telephone: {
                                        label?: string;
                                        number: string;
                                    }[];
                                    contacts: {
                                        role?: string;
                                        name?: string;
                                        /** Format: email */
                                        email?: string;
                                        phone?: string;
                                        note?: string;
                                    }[];
                                    pgpKeys: {
                                        fingerprint?: string;
                                        keyId?: string;
                                        userId?: string;
                                        /** Format: uri */
                                        url?: string;
                                    }[];
                                    /** Format: uri */
                                    website?: string;
                                    timeZone?: string;
                                    operatingHours?: {
                                        monday: {
                                            start: string;
                                            end: string;
                                        }[];
                                        tuesday: {
                                            start: string;
                                            end: string;
                                        }[];
                                        wednesday: {
                                            start: string;
                                            end: string;
                                        }[];
                                        thursday: {
                                            start: string;
                                            end: string;
                                        }[];
                                        friday: {
                                            start: string;
                                            end: string;
                                        }[];
                                        saturday: {
                                            start: string;
                                            end: string;
                                        }[];
                                        sunday: {
                                            start: string;
                                            end: string;
                                        }[];
                                    };
                                    operatingHoursNote?: string;
                                    rfc2350?: {
                                        /** Format: uri */
                                        url?: string;
                                        /** Format: date */
                                        date?: string;
                                        version?: string;
                                    };
                                    description?: {
                                        changes?: {
                                            /** Format: date */
                                            date: string;
                                            version: string;
                                            comment: string;
                                        }[];
                                        distributionList?: string;
                                        authentication?: string;
                                        addresses?: {
                                            label: string;
                                            text: string;
                                        }[];
                                        timeZoneNote?: string;
                                        fax?: string;
                                        otherTelecommunication?: string;
                                        emailNote?: string;
                                        encryption?: string;
                                        teamMembers?: string;
                                        otherInformation?: string;
                                        pointsOfCustomerContact?: string;
                                        mission?: string;
                                        constituency?: string;
                                        sponsorship?: string;
                                        authority?: string;
                                        incidentTypes?: string;
                                        cooperation?: string;
                                        communication?: string;
                                        tlp?: {
                                            labels: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED")[];
                                            /** @enum {string} */
                                            default?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                            policy?: string;
                                        };
                                        servicesIntroduction?: string;
                                        serviceSections?: {
                                            number?: string;
                                            title: string;
                                            text: string;
                                        }[];
                                        reportingForms?: string;
                                        disclaimers?: string;
                                    };
                                    trust?: {
                                        /** @enum {string} */
                                        level: "unknown" | "low" | "medium" | "high";
                                        /** Format: date */
                                        lastVerified?: string;
                                        note?: string;
                                    };
                                };
                            }[];
                            /** @description the cursor of the next page (after=), null on the last */
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Add a peer team */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        shortName?: string;
                        country: string;
                        region?: string;
                        hostOrganisation?: string;
                        /** @enum {string} */
                        type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                        nationalPointOfContact?: boolean;
                        sectors: {
                            /** @enum {string} */
                            sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                            /** @enum {string} */
                            coverage: "yes" | "partly" | "planned" | "none";
                            note?: string;
                        }[];
                        services: string[];
                        memberships: {
                            /** @enum {string} */
                            body: "FIRST" | "Trusted Introducer" | "TF-CSIRT" | "EGC" | "National CERT forum" | "Other";
                            name?: string;
                            status?: string;
                            /** Format: date */
                            since?: string;
                            /** Format: uri */
                            url?: string;
                        }[];
                        /** Format: email */
                        email?: string;
                        telephone: {
                            label?: string;
                            number: string;
                        }[];
                        contacts: {
                            role?: string;
                            name?: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                            note?: string;
                        }[];
                        pgpKeys: {
                            fingerprint?: string;
                            keyId?: string;
                            userId?: string;
                            /** Format: uri */
                            url?: string;
                        }[];
                        /** Format: uri */
                        website?: string;
                        timeZone?: string;
                        operatingHours?: {
                            monday: {
                                start: string;
                                end: string;
                            }[];
                            tuesday: {
                                start: string;
                                end: string;
                            }[];
                            wednesday: {
                                start: string;
                                end: string;
                            }[];
                            thursday: {
                                start: string;
                                end: string;
                            }[];
                            friday: {
                                start: string;
                                end: string;
                            }[];
                            saturday: {
                                start: string;
                                end: string;
                            }[];
                            sunday: {
                                start: string;
                                end: string;
                            }[];
                        };
                        operatingHoursNote?: string;
                        rfc2350?: {
                            /** Format: uri */
                            url?: string;
                            /** Format: date */
                            date?: string;
                            version?: string;
                        };
                        description?: {
                            changes?: {
                                /** Format: date */
                                date: string;
                                version: string;
                                comment: string;
                            }[];
                            distributionList?: string;
                            authentication?: string;
                            addresses?: {
                                label: string;
                                text: string;
                            }[];
                            timeZoneNote?: string;
                            fax?: string;
                            otherTelecommunication?: string;
                            emailNote?: string;
                            encryption?: string;
                            teamMembers?: string;
                            otherInformation?: string;
                            pointsOfCustomerContact?: string;
                            mission?: string;
                            constituency?: string;
                            sponsorship?: string;
                            authority?: string;
                            incidentTypes?: string;
                            cooperation?: string;
                            communication?: string;
                            tlp?: {
                                labels: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED")[];
                                /** @enum {string} */
                                default?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                policy?: string;
                            };
                            servicesIntroduction?: string;
                            serviceSections?: {
                                number?: string;
                                title: string;
                                text: string;
                            }[];
                            reportingForms?: string;
                            disclaimers?: string;
                        };
                        trust?: {
                            /** @enum {string} */
                            level: "unknown" | "low" | "medium" | "high";
                            /** Format: date */
                            lastVerified?: string;
                            note?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                            team: {
                                name: string;
                                shortName?: string;
                                country: string;
                                region?: string;
                                hostOrganisation?: string;
                                /** @enum {string} */
                                type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                                nationalPointOfContact?: boolean;
                                sectors: {
                                    /** @enum {string} */
                                    sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                                    /** @enum {string} */
                                    coverage: "yes" | "partly" | "planned" | "none";
                                    note?: string;
                                }[];
                                services: string[];
                                memberships: {
                                    /** @enum {string} */
                                    body: "FIRST" | "Trusted Introducer" | "TF-CSIRT" | "EGC" | "National CERT forum" | "Other";
                                    name?: string;
                                    status?: string;
                                    /** Format: date */
                                    since?: string;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                /** Format: email */
                                email?: string;
                                telephone: {
                                    label?: string;
                                    number: string;
                                }[];
                                contacts: {
                                    role?: string;
                                    name?: string;
                                    /** Format: email */
                                    email?: string;
                                    phone?: string;
                                    note?: string;
                                }[];
                                pgpKeys: {
                                    fingerprint?: string;
                                    keyId?: string;
                                    userId?: string;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                /** Format: uri */
                                website?: string;
                                timeZone?: string;
                                operatingHours?: {
                                    monday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    tuesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    wednesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    thursday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    friday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    saturday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    sunday: {
                                        start: string;
                                        end: string;
                                    }[];
                                };
                                operatingHoursNote?: string;
                                rfc2350?: {
                                    /** Format: uri */
                                    url?: string;
                                    /** Format: date */
                                    date?: string;
                                    version?: string;
                                };
                                description?: {
                                    changes?: {
                                        /** Format: date */
                                        date: string;
                                        version: string;
                                        comment: string;
                                    }[];
                                    distributionList?: string;
                                    authentication?: string;
                                    addresses?: {
                                        label: string;
                                        text: string;
                                    }[];
                                    timeZoneNote?: string;
                                    fax?: string;
                                    otherTelecommunication?: string;
                                    emailNote?: string;
                                    encryption?: string;
                                    teamMembers?: string;
                                    otherInformation?: string;
                                    pointsOfCustomerContact?: string;
                                    mission?: string;
                                    constituency?: string;
                                    sponsorship?: string;
                                    authority?: string;
                                    incidentTypes?: string;
                                    cooperation?: string;
                                    communication?: string;
                                    tlp?: {
                                        labels: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED")[];
                                        /** @enum {string} */
                                        default?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                        policy?: string;
                                    };
                                    servicesIntroduction?: string;
                                    serviceSections?: {
                                        number?: string;
                                        title: string;
                                        text: string;
                                    }[];
                                    reportingForms?: string;
                                    disclaimers?: string;
                                };
                                trust?: {
                                    /** @enum {string} */
                                    level: "unknown" | "low" | "medium" | "high";
                                    /** Format: date */
                                    lastVerified?: string;
                                    note?: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One peer team */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                            team: {
                                name: string;
                                shortName?: string;
                                country: string;
                                region?: string;
                                hostOrganisation?: string;
                                /** @enum {string} */
                                type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                                nationalPointOfContact?: boolean;
                                sectors: {
                                    /** @enum {string} */
                                    sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                                    /** @enum {string} */
                                    coverage: "yes" | "partly" | "planned" | "none";
                                    note?: string;
                                }[];
                                services: string[];
                                memberships: {
                                    /** @enum {string} */
                                    body: "FIRST" | "Trusted Introducer" | "TF-CSIRT" | "EGC" | "National CERT forum" | "Other";
                                    name?: string;
                                    status?: string;
                                    /** Format: date */
                                    since?: string;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                /** Format: email */
                                email?: string;
                                telephone: {
                                    label?: string;
                                    number: string;
                                }[];
                                contacts: {
                                    role?: string;
                                    name?: string;
                                    /** Format: email */
                                    email?: string;
                                    phone?: string;
                                    note?: string;
                                }[];
                                pgpKeys: {
                                    fingerprint?: string;
                                    keyId?: string;
                                    userId?: string;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                /** Format: uri */
                                website?: string;
                                timeZone?: string;
                                operatingHours?: {
                                    monday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    tuesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    wednesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    thursday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    friday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    saturday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    sunday: {
                                        start: string;
                                        end: string;
                                    }[];
                                };
                                operatingHoursNote?: string;
                                rfc2350?: {
                                    /** Format: uri */
                                    url?: string;
                                    /** Format: date */
                                    date?: string;
                                    version?: string;
                                };
                                description?: {
                                    changes?: {
                                        /** Format: date */
                                        date: string;
                                        version: string;
                                        comment: string;
                                    }[];
                                    distributionList?: string;
                                    authentication?: string;
                                    addresses?: {
                                        label: string;
                                        text: string;
                                    }[];
                                    timeZoneNote?: string;
                                    fax?: string;
                                    otherTelecommunication?: string;
                                    emailNote?: string;
                                    encryption?: string;
                                    teamMembers?: string;
                                    otherInformation?: string;
                                    pointsOfCustomerContact?: string;
                                    mission?: string;
                                    constituency?: string;
                                    sponsorship?: string;
                                    authority?: string;
                                    incidentTypes?: string;
                                    cooperation?: string;
                                    communication?: string;
                                    tlp?: {
                                        labels: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED")[];
                                        /** @enum {string} */
                                        default?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                        policy?: string;
                                    };
                                    servicesIntroduction?: string;
                                    serviceSections?: {
                                        number?: string;
                                        title: string;
                                        text: string;
                                    }[];
                                    reportingForms?: string;
                                    disclaimers?: string;
                                };
                                trust?: {
                                    /** @enum {string} */
                                    level: "unknown" | "low" | "medium" | "high";
                                    /** Format: date */
                                    lastVerified?: string;
                                    note?: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Replace a peer team (our trust level and last-verified date included); send If-Match with the version you edited */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        shortName?: string;
                        country: string;
                        region?: string;
                        hostOrganisation?: string;
                        /** @enum {string} */
                        type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                        nationalPointOfContact?: boolean;
                        sectors: {
                            /** @enum {string} */
                            sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                            /** @enum {string} */
                            coverage: "yes" | "partly" | "planned" | "none";
                            note?: string;
                        }[];
                        services: string[];
                        memberships: {
                            /** @enum {string} */
                            body: "FIRST" | "Trusted Introducer" | "TF-CSIRT" | "EGC" | "National CERT forum" | "Other";
                            name?: string;
                            status?: string;
                            /** Format: date */
                            since?: string;
                            /** Format: uri */
                            url?: string;
                        }[];
                        /** Format: email */
                        email?: string;
                        telephone: {
                            label?: string;
                            number: string;
                        }[];
                        contacts: {
                            role?: string;
                            name?: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                            note?: string;
                        }[];
                        pgpKeys: {
                            fingerprint?: string;
                            keyId?: string;
                            userId?: string;
                            /** Format: uri */
                            url?: string;
                        }[];
                        /** Format: uri */
                        website?: string;
                        timeZone?: string;
                        operatingHours?: {
                            monday: {
                                start: string;
                                end: string;
                            }[];
                            tuesday: {
                                start: string;
                                end: string;
                            }[];
                            wednesday: {
                                start: string;
                                end: string;
                            }[];
                            thursday: {
                                start: string;
                                end: string;
                            }[];
                            friday: {
                                start: string;
                                end: string;
                            }[];
                            saturday: {
                                start: string;
                                end: string;
                            }[];
                            sunday: {
                                start: string;
                                end: string;
                            }[];
                        };
                        operatingHoursNote?: string;
                        rfc2350?: {
                            /** Format: uri */
                            url?: string;
                            /** Format: date */
                            date?: string;
                            version?: string;
                        };
                        description?: {
                            changes?: {
                                /** Format: date */
                                date: string;
                                version: string;
                                comment: string;
                            }[];
                            distributionList?: string;
                            authentication?: string;
                            addresses?: {
                                label: string;
                                text: string;
                            }[];
                            timeZoneNote?: string;
                            fax?: string;
                            otherTelecommunication?: string;
                            emailNote?: string;
                            encryption?: string;
                            teamMembers?: string;
                            otherInformation?: string;
                            pointsOfCustomerContact?: string;
                            mission?: string;
                            constituency?: string;
                            sponsorship?: string;
                            authority?: string;
                            incidentTypes?: string;
                            cooperation?: string;
                            communication?: string;
                            tlp?: {
                                labels: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED")[];
                                /** @enum {string} */
                                default?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                policy?: string;
                            };
                            servicesIntroduction?: string;
                            serviceSections?: {
                                number?: string;
                                title: string;
                                text: string;
                            }[];
                            reportingForms?: string;
                            disclaimers?: string;
                        };
                        trust?: {
                            /** @enum {string} */
                            level: "unknown" | "low" | "medium" | "high";
                            /** Format: date */
                            lastVerified?: string;
                            note?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                            team: {
                                name: string;
                                shortName?: string;
                                country: string;
                                region?: string;
                                hostOrganisation?: string;
                                /** @enum {string} */
                                type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                                nationalPointOfContact?: boolean;
                                sectors: {
                                    /** @enum {string} */
                                    sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                                    /** @enum {string} */
                                    coverage: "yes" | "partly" | "planned" | "none";
                                    note?: string;
                                }[];
                                services: string[];
                                memberships: {
                                    /** @enum {string} */
                                    body: "FIRST" | "Trusted Introducer" | "TF-CSIRT" | "EGC" | "National CERT forum" | "Other";
                                    name?: string;
                                    status?: string;
                                    /** Format: date */
                                    since?: string;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                /** Format: email */
                                email?: string;
                                telephone: {
                                    label?: string;
                                    number: string;
                                }[];
                                contacts: {
                                    role?: string;
                                    name?: string;
                                    /** Format: email */
                                    email?: string;
                                    phone?: string;
                                    note?: string;
                                }[];
                                pgpKeys: {
                                    fingerprint?: string;
                                    keyId?: string;
                                    userId?: string;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                /** Format: uri */
                                website?: string;
                                timeZone?: string;
                                operatingHours?: {
                                    monday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    tuesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    wednesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    thursday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    friday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    saturday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    sunday: {
                                        start: string;
                                        end: string;
                                    }[];
                                };
                                operatingHoursNote?: string;
                                rfc2350?: {
                                    /** Format: uri */
                                    url?: string;
                                    /** Format: date */
                                    date?: string;
                                    version?: string;
                                };
                                description?: {
                                    changes?: {
                                        /** Format: date */
                                        date: string;
                                        version: string;
                                        comment: string;
                                    }[];
                                    distributionList?: string;
                                    authentication?: string;
                                    addresses?: {
                                        label: string;
                                        text: string;
                                    }[];
                                    timeZoneNote?: string;
                                    fax?: string;
                                    otherTelecommunication?: string;
                                    emailNote?: string;
                                    encryption?: string;
                                    teamMembers?: string;
                                    otherInformation?: string;
                                    pointsOfCustomerContact?: string;
                                    mission?: string;
                                    constituency?: string;
                                    sponsorship?: string;
                                    authority?: string;
                                    incidentTypes?: string;
                                    cooperation?: string;
                                    communication?: string;
                                    tlp?: {
                                        labels: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED")[];
                                        /** @enum {string} */
                                        default?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                        policy?: string;
                                    };
                                    servicesIntroduction?: string;
                                    serviceSections?: {
                                        number?: string;
                                        title: string;
                                        text: string;
                                    }[];
                                    reportingForms?: string;
                                    disclaimers?: string;
                                };
                                trust?: {
                                    /** @enum {string} */
                                    level: "unknown" | "low" | "medium" | "high";
                                    /** Format: date */
                                    lastVerified?: string;
                                    note?: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a peer team */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a directory file (vakt-directory JSON): known teams are updated, with the differences listed; ?dryRun=true writes nothing */
        post: {
            parameters: {
                query?: {
                    dryRun?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "vakt-directory";
                        /** @enum {number} */
                        version: 1;
                        exportedAt?: string;
                        teams: {
                            name: string;
                            shortName?: string;
                            country: string;
                            region?: string;
                            hostOrganisation?: string;
                            /** @enum {string} */
                            type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                            nationalPointOfContact?: boolean;
                            sectors: {
                                /** @enum {string} */
                                sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                                /** @enum {string} */
                                coverage: "yes" | "partly" | "planned" | "none";
                                note?: string;
                            }[];
                            services: string[];
                            memberships: {
                                /** @enum {string} */
                                body: "FIRST" | "Trusted Introducer" | "TF-CSIRT" | "EGC" | "National CERT forum" | "Other";
                                name?: string;
                                status?: string;
                                /** Format: date */
                                since?: string;
                                /** Format: uri */
                                url?: string;
                            }[];
                            /** Format: email */
                            email?: string;
                            telephone: {
                                label?: string;
                                number: string;
                            }[];
                            contacts: {
                                role?: string;
                                name?: string;
                                /** Format: email */
                                email?: string;
                                phone?: string;
                                note?: string;
                            }[];
                            pgpKeys: {
                                fingerprint?: string;
                                keyId?: string;
                                userId?: string;
                                /** Format: uri */
                                url?: string;
                            }[];
                            /** Format: uri */
                            website?: string;
                            timeZone?: string;
                            operatingHours?: {
                                monday: {
                                    start: string;
                                    end: string;
                                }[];
                                tuesday: {
                                    start: string;
                                    end: string;
                                }[];
                                wednesday: {
                                    start: string;
                                    end: string;
                                }[];
                                thursday: {
                                    start: string;
                                    end: string;
                                }[];
                                friday: {
                                    start: string;
                                    end: string;
                                }[];
                                saturday: {
                                    start: string;
                                    end: string;
                                }[];
                                sunday: {
                                    start: string;
                                    end: string;
                                }[];
                            };
                            operatingHoursNote?: string;
                            rfc2350?: {
                                /** Format: uri */
                                url?: string;
                                /** Format: date */
                                date?: string;
                                version?: string;
                            };
                            description?: {
                                changes?: {
                                    /** Format: date */
                                    date: string;
                                    version: string;
                                    comment: string;
                                }[];
                                distributionList?: string;
                                authentication?: string;
                                addresses?: {
                                    label: string;
                                    text: string;
                                }[];
                                timeZoneNote?: string;
                                fax?: string;
                                otherTelecommunication?: string;
                                emailNote?: string;
                                encryption?: string;
                                teamMembers?: string;
                                otherInformation?: string;
                                pointsOfCustomerContact?: string;
                                mission?: string;
                                constituency?: string;
                                sponsorship?: string;
                                authority?: string;
                                incidentTypes?: string;
                                cooperation?: string;
                                communication?: string;
                                tlp?: {
                                    labels: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED")[];
                                    /** @enum {string} */
                                    default?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                    policy?: string;
                                };
                                servicesIntroduction?: string;
                                serviceSections?: {
                                    number?: string;
                                    title: string;
                                    text: string;
                                }[];
                                reportingForms?: string;
                                disclaimers?: string;
                            };
                            trust?: {
                                /** @enum {string} */
                                level: "unknown" | "low" | "medium" | "high";
                                /** Format: date */
                                lastVerified?: string;
                                note?: string;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            outcomes: {
                                name: string;
                                country: string;
                                /** @enum {string} */
                                action: "created" | "updated" | "unchanged";
                                id?: string;
                                changes: {
                                    field: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole directory as a vakt-directory file (without our trust levels) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            format: "vakt-directory";
                            /** @enum {number} */
                            version: 1;
                            exportedAt?: string;
                            teams: {
                                name: string;
                                shortName?: string;
                                country: string;
                                region?: string;
                                hostOrganisation?: string;
                                /** @enum {string} */
                                type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                                nationalPointOfContact?: boolean;
                                sectors: {
                                    /** @enum {string} */
                                    sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                                    /** @enum {string} */
                                    coverage: "yes" | "partly" | "planned" | "none";
                                    note?: string;
                                }[];
                                services: string[];
                                memberships: {
                                    /** @enum {string} */
                                    body: "FIRST" | "Trusted Introducer" | "TF-CSIRT" | "EGC" | "National CERT forum" | "Other";
                                    name?: string;
                                    status?: string;
                                    /** Format: date */
                                    since?: string;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                /** Format: email */
                                email?: string;
                                telephone: {
                                    label?: string;
                                    number: string;
                                }[];
                                contacts: {
                                    role?: string;
                                    name?: string;
                                    /** Format: email */
                                    email?: string;
                                    phone?: string;
                                    note?: string;
                                }[];
                                pgpKeys: {
                                    fingerprint?: string;
                                    keyId?: string;
                                    userId?: string;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                /** Format: uri */
                                website?: string;
                                timeZone?: string;
                                operatingHours?: {
                                    monday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    tuesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    wednesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    thursday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    friday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    saturday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    sunday: {
                                        start: string;
                                        end: string;
                                    }[];
                                };
                                operatingHoursNote?: string;
                                rfc2350?: {
                                    /** Format: uri */
                                    url?: string;
                                    /** Format: date */
                                    date?: string;
                                    version?: string;
                                };
                                description?: {
                                    changes?: {
                                        /** Format: date */
                                        date: string;
                                        version: string;
                                        comment: string;
                                    }[];
                                    distributionList?: string;
                                    authentication?: string;
                                    addresses?: {
                                        label: string;
                                        text: string;
                                    }[];
                                    timeZoneNote?: string;
                                    fax?: string;
                                    otherTelecommunication?: string;
                                    emailNote?: string;
                                    encryption?: string;
                                    teamMembers?: string;
                                    otherInformation?: string;
                                    pointsOfCustomerContact?: string;
                                    mission?: string;
                                    constituency?: string;
                                    sponsorship?: string;
                                    authority?: string;
                                    incidentTypes?: string;
                                    cooperation?: string;
                                    communication?: string;
                                    tlp?: {
                                        labels: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED")[];
                                        /** @enum {string} */
                                        default?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                        policy?: string;
                                    };
                                    servicesIntroduction?: string;
                                    serviceSections?: {
                                        number?: string;
                                        title: string;
                                        text: string;
                                    }[];
                                    reportingForms?: string;
                                    disclaimers?: string;
                                };
                                trust?: {
                                    /** @enum {string} */
                                    level: "unknown" | "low" | "medium" | "high";
                                    /** Format: date */
                                    lastVerified?: string;
                                    note?: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/own-record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Our own team profile as a directory file, for peers to import */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            format: "vakt-directory";
                            /** @enum {number} */
                            version: 1;
                            exportedAt?: string;
                            teams: {
                                name: string;
                                shortName?: string;
                                country: string;
                                region?: string;
                                hostOrganisation?: string;
                                /** @enum {string} */
                                type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                                nationalPointOfContact?: boolean;
                                sectors: {
                                    /** @enum {string} */
                                    sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                                    /** @enum {string} */
                                    coverage: "yes" | "partly" | "planned" | "none";
                                    note?: string;
                                }[];
                                services: string[];
                                memberships: {
                                    /** @enum {string} */
                                    body: "FIRST" | "Trusted Introducer" | "TF-CSIRT" | "EGC" | "National CERT forum" | "Other";
                                    name?: string;
                                    status?: string;
                                    /** Format: date */
                                    since?: string;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                /** Format: email */
                                email?: string;
                                telephone: {
                                    label?: string;
                                    number: string;
                                }[];
                                contacts: {
                                    role?: string;
                                    name?: string;
                                    /** Format: email */
                                    email?: string;
                                    phone?: string;
                                    note?: string;
                                }[];
                                pgpKeys: {
                                    fingerprint?: string;
                                    keyId?: string;
                                    userId?: string;
                                    /** Format: uri */
                                    url?: string;
                                }[];
                                /** Format: uri */
                                website?: string;
                                timeZone?: string;
                                operatingHours?: {
                                    monday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    tuesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    wednesday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    thursday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    friday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    saturday: {
                                        start: string;
                                        end: string;
                                    }[];
                                    sunday: {
                                        start: string;
                                        end: string;
                                    }[];
                                };
                                operatingHoursNote?: string;
                                rfc2350?: {
                                    /** Format: uri */
                                    url?: string;
                                    /** Format: date */
                                    date?: string;
                                    version?: string;
                                };
                                description?: {
                                    changes?: {
                                        /** Format: date */
                                        date: string;
                                        version: string;
                                        comment: string;
                                    }[];
                                    distributionList?: string;
                                    authentication?: string;
                                    addresses?: {
                                        label: string;
                                        text: string;
                                    }[];
                                    timeZoneNote?: string;
                                    fax?: string;
                                    otherTelecommunication?: string;
                                    emailNote?: string;
                                    encryption?: string;
                                    teamMembers?: string;
                                    otherInformation?: string;
                                    pointsOfCustomerContact?: string;
                                    mission?: string;
                                    constituency?: string;
                                    sponsorship?: string;
                                    authority?: string;
                                    incidentTypes?: string;
                                    cooperation?: string;
                                    communication?: string;
                                    tlp?: {
                                        labels: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED")[];
                                        /** @enum {string} */
                                        default?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                        policy?: string;
                                    };
                                    servicesIntroduction?: string;
                                    serviceSections?: {
                                        number?: string;
                                        title: string;
                                        text: string;
                                    }[];
                                    reportingForms?: string;
                                    disclaimers?: string;
                                };
                                trust?: {
                                    /** @enum {string} */
                                    level: "unknown" | "low" | "medium" | "high";
                                    /** Format: date */
                                    lastVerified?: string;
                                    note?: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/rfc2350": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read an RFC 2350 document (its text, or a PDF in base64) into a team record; shows what was understood and whether its PGP signature verifies. With confirm=true, writes it (a known team is updated; a document whose signature fails is not) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text?: string;
                        /** @description the PDF, base64 */
                        pdf?: string;
                        /** Format: uri */
                        url?: string;
                        /** @description a detached PGP signature of the document as given (the PDF bytes, or the text in UTF-8): an armoured .asc as text, or a file in base64 */
                        signature?: string;
                        country?: string;
                        /** @enum {string} */
                        type?: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                        shortName?: string;
                        allowPartial?: boolean;
                        confirm?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reading: {
                                team?: {
                                    name: string;
                                    shortName?: string;
                                    country: string;
                                    region?: string;
                                    hostOrganisation?: string;
                                    /** @enum {string} */
                                    type: "national" | "governmental" | "research-education" | "commercial" | "sector" | "vendor" | "internal";
                                    nationalPointOfContact?: boolean;
                                    sectors: {
                                        /** @enum {string} */
                                        sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                                        /** @enum {string} */
                                        coverage: "yes" | "partly" | "planned" | "none";
                                        note?: string;
                                    }[];
                                    services: string[];
                                    memberships: {
                                        /** @enum {string} */
                                        body: "FIRST" | "Trusted Introducer" | "TF-CSIRT" | "EGC" | "National CERT forum" | "Other";
                                        name?: string;
                                        status?: string;
                                        /** Format: date */
                                        since?: string;
                                        /** Format: uri */
                                        url?: string;
                                    }[];
                                    /** Format: email */
                                    email?: string;
                                    telephone: {
                                        label?: string;
                                        number: string;
                                    }[];
                                    contacts: {
                                        role?: string;
                                        name?: string;
                                        /** Format: email */
                                        email?: string;
                                        phone?: string;
                                        note?: string;
                                    }[];
                                    pgpKeys: {
                                        fingerprint?: string;
                                        keyId?: string;
                                        userId?: string;
                                        /** Format: uri */
                                        url?: string;
                                    }[];
                                    /** Format: uri */
                                    website?: string;
                                    timeZone?: string;
                                    operatingHours?: {
                                        monday: {
                                            start: string;
                                            end: string;
                                        }[];
                                        tuesday: {
                                            start: string;
                                            end: string;
                                        }[];
                                        wednesday: {
                                            start: string;
                                            end: string;
                                        }[];
                                        thursday: {
                                            start: string;
                                            end: string;
                                        }[];
                                        friday: {
                                            start: string;
                                            end: string;
                                        }[];
                                        saturday: {
                                            start: string;
                                            end: string;
                                        }[];
                                        sunday: {
                                            start: string;
                                            end: string;
                                        }[];
                                    };
                                    operatingHoursNote?: string;
                                    rfc2350?: {
                                        /** Format: uri */
                                        url?: string;
                                        /** Format: date */
                                        date?: string;
                                        version?: string;
                                    };
                                    description?: {
                                        changes?: {
                                            /** Format: date */
                                            date: string;
                                            version: string;
                                            comment: string;
                                        }[];
                                        distributionList?: string;
                                        authentication?: string;
                                        addresses?: {
                                            label: string;
                                            text: string;
                                        }[];
                                        timeZoneNote?: string;
                                        fax?: string;
                                        otherTelecommunication?: string;
                                        emailNote?: string;
                                        encryption?: string;
                                        teamMembers?: string;
                                        otherInformation?: string;
                                        pointsOfCustomerContact?: string;
                                        mission?: string;
                                        constituency?: string;
                                        sponsorship?: string;
                                        authority?: string;
                                        incidentTypes?: string;
                                        cooperation?: string;
                                        communication?: string;
                                        tlp?: {
                                            labels: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED")[];
                                            /** @enum {string} */
                                            default?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                            policy?: string;
                                        };
                                        servicesIntroduction?: string;
                                        serviceSections?: {
                                            number?: string;
                                            title: string;
                                            text: string;
                                        }[];
                                        reportingForms?: string;
                                        disclaimers?: string;
                                    };
                                    trust?: {
                                        /** @enum {string} */
                                        level: "unknown" | "low" | "medium" | "high";
                                        /** Format: date */
                                        lastVerified?: string;
                                        note?: string;
                                    };
                                };
                                understood: {
                                    field: string;
                                    value: unknown;
                                    from: string;
                                    /** @enum {string} */
                                    how: "stated" | "inferred";
                                }[];
                                notUnderstood: {
                                    field: string;
                                    reason: string;
                                }[];
                                otherSections: {
                                    number: string;
                                    title: string;
                                }[];
                                warnings: string[];
                                errors: {
                                    field: string;
                                    reason: string;
                                }[];
                                signature: {
                                    /** @enum {string} */
                                    status: "valid" | "invalid" | "unknown-key" | "unreadable" | "not-signed";
                                    signer: string | null;
                                    namedInDocument: boolean;
                                    detail: string;
                                };
                            };
                            outcome?: {
                                name: string;
                                country: string;
                                /** @enum {string} */
                                action: "created" | "updated" | "unchanged";
                                id?: string;
                                changes: {
                                    field: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The coverage matrix (countries × sectors) of the directory now, or of a snapshot; JSON, CSV or HTML */
        get: {
            parameters: {
                query?: {
                    countries?: string;
                    snapshot?: string;
                    format?: "json" | "csv" | "html";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The matrix and per-sector totals as JSON, or the matrix as CSV or HTML (format=) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            matrix: {
                                sectors: string[];
                                countries: {
                                    code: string;
                                    name: string;
                                }[];
                                cells: {
                                    [key: string]: {
                                        [key: string]: {
                                            /** @enum {string} */
                                            level: "yes" | "partly" | "planned" | "none";
                                            text?: string;
                                            teams: {
                                                id?: string;
                                                name: string;
                                                /** @enum {string} */
                                                coverage: "yes" | "partly" | "planned" | "none";
                                                note?: string;
                                            }[];
                                        };
                                    };
                                };
                                teams: {
                                    id?: string;
                                    name: string;
                                    country: string;
                                }[];
                            };
                            totals: {
                                sector: string;
                                yes: number;
                                partly: number;
                                planned: number;
                                none: number;
                            }[];
                        };
                        "text/csv": string;
                        "text/html": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Frozen coverage matrices, oldest first (the 2005 Appendix A ships with Vakt) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            snapshots: {
                                id: string;
                                name: string;
                                takenAt: string;
                                /** @enum {string} */
                                source: "inventory" | "dataset";
                                description: string | null;
                                createdBy: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Freeze the coverage matrix as it is today */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                        countries?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            takenAt: string;
                            /** @enum {string} */
                            source: "inventory" | "dataset";
                            description: string | null;
                            createdBy: string;
                            matrix: {
                                sectors: string[];
                                countries: {
                                    code: string;
                                    name: string;
                                }[];
                                cells: {
                                    [key: string]: {
                                        [key: string]: {
                                            /** @enum {string} */
                                            level: "yes" | "partly" | "planned" | "none";
                                            text?: string;
                                            teams: {
                                                id?: string;
                                                name: string;
                                                /** @enum {string} */
                                                coverage: "yes" | "partly" | "planned" | "none";
                                                note?: string;
                                            }[];
                                        };
                                    };
                                };
                                teams: {
                                    id?: string;
                                    name: string;
                                    country: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/snapshots/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two snapshots ("live" for the directory now): cells, countries, teams */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            changed: {
                                country: string;
                                countryName: string;
                                sector: string;
                                before: {
                                    /** @description a coverage level, or not-assessed */
                                    level: string;
                                    text: string;
                                };
                                after: {
                                    /** @description a coverage level, or not-assessed */
                                    level: string;
                                    text: string;
                                };
                            }[];
                            countriesAdded: string[];
                            countriesRemoved: string[];
                            teamsAppeared: {
                                name: string;
                                country: string;
                            }[];
                            teamsGone: {
                                name: string;
                                country: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/snapshots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One snapshot and its matrix */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            takenAt: string;
                            /** @enum {string} */
                            source: "inventory" | "dataset";
                            description: string | null;
                            createdBy: string;
                            matrix: {
                                sectors: string[];
                                countries: {
                                    code: string;
                                    name: string;
                                }[];
                                cells: {
                                    [key: string]: {
                                        [key: string]: {
                                            /** @enum {string} */
                                            level: "yes" | "partly" | "planned" | "none";
                                            text?: string;
                                            teams: {
                                                id?: string;
                                                name: string;
                                                /** @enum {string} */
                                                coverage: "yes" | "partly" | "planned" | "none";
                                                note?: string;
                                            }[];
                                        };
                                    };
                                };
                                teams: {
                                    id?: string;
                                    name: string;
                                    country: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/questions/national-poc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is there a national point of contact for this country? */
        get: {
            parameters: {
                query: {
                    country: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            question: string;
                            answer: string;
                            teams: unknown;
                            sectors?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/questions/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which sectors of this country have no known team? */
        get: {
            parameters: {
                query: {
                    country: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            question: string;
                            answer: string;
                            teams: unknown;
                            sectors?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/questions/accredited": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which teams serving this sector are Trusted Introducer accredited or certified? */
        get: {
            parameters: {
                query: {
                    sector: "government" | "commercial" | "sme" | "research-education" | "citizens" | "critical-infrastructure" | "all-other";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            question: string;
                            answer: string;
                            teams: unknown;
                            sectors?: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The constituency, a page at a time, sorted by name: each organisation with its netblocks, ASNs, domains and contacts */
        get: {
            parameters: {
                query?: {
                    /** @description words in the name, short name or a domain, or a tag */
                    q?: string;
                    /** @description only the organisations directly under this one */
                    parent?: string;
                    /** @description only these organisations */
                    id?: string[];
                    sort?: "name" | "-name";
                    /** @description the cursor: from the page before */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organisations: {
                                /** Format: uuid */
                                id: string;
                                version: number;
                                name: string;
                                shortName: string | null;
                                category: string;
                                parentId: string | null;
                                kind: string;
                                tags: string[];
                                /** @enum {string} */
                                tlpClearance: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                notes: string;
                                netblocks: {
                                    prefix: string;
                                    description: string;
                                }[];
                                asns: number[];
                                domains: string[];
                                products: string[];
                                contacts: {
                                    id: string;
                                    role: string;
                                    name: string;
                                    email: string;
                                    phone: string;
                                    pgpFingerprint: string | null;
                                    language: string;
                                    notify: boolean;
                                }[];
                            }[];
                            /** @description the cursor of the next page (after=), null on the last */
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Add an organisation (parent is an organisation id) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        shortName?: string;
                        /** @enum {string} */
                        category?: "municipality" | "department" | "company" | "foundation" | "supplier" | "other";
                        parent?: string | null;
                        tags?: string[];
                        /** @enum {string} */
                        tlpClearance?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        notes?: string;
                        netblocks?: {
                            prefix: string;
                            description?: string;
                        }[];
                        asns?: number[];
                        domains?: string[];
                        contacts?: {
                            /** @enum {string} */
                            role: "security" | "abuse" | "technical" | "management" | "other";
                            name?: string;
                            /** Format: email */
                            email: string;
                            phone?: string;
                            pgpKey?: string;
                            pgpFingerprint?: string;
                            /** @enum {string} */
                            language?: "sv" | "en";
                            notify?: boolean;
                        }[];
                        products?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            version: number;
                            name: string;
                            shortName: string | null;
                            category: string;
                            parentId: string | null;
                            kind: string;
                            tags: string[];
                            /** @enum {string} */
                            tlpClearance: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            notes: string;
                            netblocks: {
                                prefix: string;
                                description: string;
                            }[];
                            asns: number[];
                            domains: string[];
                            products: string[];
                            contacts: {
                                id: string;
                                role: string;
                                name: string;
                                email: string;
                                phone: string;
                                pgpFingerprint: string | null;
                                language: string;
                                notify: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            version: number;
                            name: string;
                            shortName: string | null;
                            category: string;
                            parentId: string | null;
                            kind: string;
                            tags: string[];
                            /** @enum {string} */
                            tlpClearance: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            notes: string;
                            netblocks: {
                                prefix: string;
                                description: string;
                            }[];
                            asns: number[];
                            domains: string[];
                            products: string[];
                            contacts: {
                                id: string;
                                role: string;
                                name: string;
                                email: string;
                                phone: string;
                                pgpFingerprint: string | null;
                                language: string;
                                notify: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Replace an organisation and what it holds; send If-Match with the version you edited */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        shortName?: string;
                        /** @enum {string} */
                        category?: "municipality" | "department" | "company" | "foundation" | "supplier" | "other";
                        parent?: string | null;
                        tags?: string[];
                        /** @enum {string} */
                        tlpClearance?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        notes?: string;
                        netblocks?: {
                            prefix: string;
                            description?: string;
                        }[];
                        asns?: number[];
                        domains?: string[];
                        contacts?: {
                            /** @enum {string} */
                            role: "security" | "abuse" | "technical" | "management" | "other";
                            name?: string;
                            /** Format: email */
                            email: string;
                            phone?: string;
                            pgpKey?: string;
                            pgpFingerprint?: string;
                            /** @enum {string} */
                            language?: "sv" | "en";
                            notify?: boolean;
                        }[];
                        products?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            version: number;
                            name: string;
                            shortName: string | null;
                            category: string;
                            parentId: string | null;
                            kind: string;
                            tags: string[];
                            /** @enum {string} */
                            tlpClearance: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            notes: string;
                            netblocks: {
                                prefix: string;
                                description: string;
                            }[];
                            asns: number[];
                            domains: string[];
                            products: string[];
                            contacts: {
                                id: string;
                                role: string;
                                name: string;
                                email: string;
                                phone: string;
                                pgpFingerprint: string | null;
                                language: string;
                                notify: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        /** Remove an organisation with no sub-organisations, users or notifications */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import organisations from CSV or JSON; every problem is listed (line, field, reason) and nothing is written unless skipInvalid */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "csv" | "json";
                        content: string;
                        skipInvalid?: boolean;
                        dryRun?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisations an incident affects */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                        }[];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Name the organisations an incident affects (replaces the list) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        organisationIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is responsible for an IP address, CIDR prefix, domain, URL, e-mail address or AS number: the constituency, else RIPE, else the national point of contact */
        get: {
            parameters: {
                query: {
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            query: string;
                            kind: string;
                            normalised: string;
                            /** @enum {string} */
                            decidedBy: "constituency" | "ripe" | "national-point-of-contact" | "none";
                            reason: string;
                            organisations: {
                                id: string;
                                name: string;
                                matched: string;
                                contacts: {
                                    role: string;
                                    name: string;
                                    email: string;
                                    phone: string;
                                    language: string;
                                    pgpFingerprint: string | null;
                                }[];
                            }[];
                            overlaps: {
                                organisationId: string;
                                name: string;
                                matched: string;
                            }[];
                            ripe?: {
                                object: string;
                                netname: string;
                                country: string;
                                fromParent: boolean;
                                contacts: {
                                    email: string;
                                    via: string;
                                }[];
                            };
                            nationalPointOfContact?: {
                                name: string;
                                email: string;
                                telephone?: string;
                                url?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Feed definitions in name order, a page at a time */
        get: {
            parameters: {
                query?: {
                    /** @description the cursor: from the page before */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            feeds: {
                                name: string;
                                description: string;
                                format: string;
                                source: {
                                    /** @enum {string} */
                                    kind: "upload";
                                } | {
                                    /** @enum {string} */
                                    kind: "file";
                                    path: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "url";
                                    url: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "imap";
                                    mailbox: string;
                                    folder: string;
                                    attachmentPattern?: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "intake";
                                    senders: string[];
                                };
                                schedule: string;
                                /** @enum {string} */
                                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                mapping?: {
                                    time: string | {
                                        column: string;
                                    } | {
                                        columns: string[];
                                    } | {
                                        value: string;
                                    };
                                    timeFormat?: "iso" | "epoch" | "epoch-ms";
                                    sourceIp?: string | {
                                        column: string;
                                    } | {
                                        columns: string[];
                                    } | {
                                        value: string;
                                    };
                                    sourceDomain?: string | {
                                        column: string;
                                    } | {
                                        columns: string[];
                                    } | {
                                        value: string;
                                    };
                                    sourcePort?: string | {
                                        column: string;
                                    } | {
                                        columns: string[];
                                    } | {
                                        value: string;
                                    };
                                    asn?: string | {
                                        column: string;
                                    } | {
                                        columns: string[];
                                    } | {
                                        value: string;
                                    };
                                    geo?: string | {
                                        column: string;
                                    } | {
                                        columns: string[];
                                    } | {
                                        value: string;
                                    };
                                    protocol?: string | {
                                        column: string;
                                    } | {
                                        columns: string[];
                                    } | {
                                        value: string;
                                    };
                                    rsitClass: string | {
                                        column: string;
                                    } | {
                                        columns: string[];
                                    } | {
                                        value: string;
                                    };
                                    rsitType: string | {
                                        column: string;
                                    } | {
                                        columns: string[];
                                    } | {
                                        value: string;
                                    };
                                    identifier?: string | {
                                        column: string;
                                    } | {
                                        columns: string[];
                                    } | {
                                        value: string;
                                    };
                                    finding?: {
                                        column: string;
                                        equals: string[];
                                    };
                                    requiredColumns?: string[];
                                };
                                rsit?: {
                                    class: string;
                                    type: string;
                                };
                                /** @enum {string} */
                                notify: "immediately" | "hourly" | "daily" | "never";
                                dedupHours: number;
                                enabled: boolean;
                                id: string | null;
                                version: number;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feeds/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or replace a feed definition (send If-Match with its version to replace only what you loaded) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                        format: string;
                        source: {
                            /** @enum {string} */
                            kind: "upload";
                        } | {
                            /** @enum {string} */
                            kind: "file";
                            path: string;
                        } | {
                            /** @enum {string} */
                            kind: "url";
                            url: string;
                        } | {
                            /** @enum {string} */
                            kind: "imap";
                            mailbox: string;
                            folder: string;
                            attachmentPattern?: string;
                        } | {
                            /** @enum {string} */
                            kind: "intake";
                            senders: string[];
                        };
                        schedule?: string;
                        /** @enum {string} */
                        tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        mapping?: {
                            time: string | {
                                column: string;
                            } | {
                                columns: string[];
                            } | {
                                value: string;
                            };
                            timeFormat?: "iso" | "epoch" | "epoch-ms";
                            sourceIp?: string | {
                                column: string;
                            } | {
                                columns: string[];
                            } | {
                                value: string;
                            };
                            sourceDomain?: string | {
                                column: string;
                            } | {
                                columns: string[];
                            } | {
                                value: string;
                            };
                            sourcePort?: string | {
                                column: string;
                            } | {
                                columns: string[];
                            } | {
                                value: string;
                            };
                            asn?: string | {
                                column: string;
                            } | {
                                columns: string[];
                            } | {
                                value: string;
                            };
                            geo?: string | {
                                column: string;
                            } | {
                                columns: string[];
                            } | {
                                value: string;
                            };
                            protocol?: string | {
                                column: string;
                            } | {
                                columns: string[];
                            } | {
                                value: string;
                            };
                            rsitClass: string | {
                                column: string;
                            } | {
                                columns: string[];
                            } | {
                                value: string;
                            };
                            rsitType: string | {
                                column: string;
                            } | {
                                columns: string[];
                            } | {
                                value: string;
                            };
                            identifier?: string | {
                                column: string;
                            } | {
                                columns: string[];
                            } | {
                                value: string;
                            };
                            finding?: {
                                column: string;
                                equals: string[];
                            };
                            requiredColumns?: string[];
                        };
                        rsit?: {
                            class: string;
                            type: string;
                        };
                        /** @enum {string} */
                        notify?: "immediately" | "hourly" | "daily" | "never";
                        dedupHours?: number;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a feed that has sent no notifications */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feeds/{name}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a feed from its source (file, URL, IMAP folder) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feeds/{name}/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a feed on an uploaded file (the request body: CSV, JSON Lines, or gzip of either) */
        post: {
            parameters: {
                query?: {
                    filename?: string;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feed-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent feed runs with their counts and bad rows (running ones update every few seconds) */
        get: {
            parameters: {
                query?: {
                    feed?: string;
                    /** @description the cursor: "<time>,<id>" of the last row seen */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runs: ({
                                id: string;
                                feed_id: string | null;
                                feed_name: string;
                                format: string;
                                source: string;
                                status: string;
                                started_at: string;
                                finished_at: string | null;
                                heartbeat_at: string;
                                bytes: string | number;
                                rows_read: string | number;
                                events: string | number;
                                duplicates: string | number;
                                unowned: string | number;
                                malformed: string | number;
                                skipped: string | number;
                                warnings: string[];
                                bad_rows: ({
                                    line: number;
                                    reason: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                                error: string | null;
                                /** @description where the next page starts after this run (before=) */
                                cursor: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notifications, newest first, a page at a time: queued, sent, bounced, withheld, with their feedback ("next" is the "before" of the following page) */
        get: {
            parameters: {
                query?: {
                    status?: "queued" | "sent" | "delayed" | "complained" | "failed" | "bounced" | "withheld";
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notifications: {
                                id: string;
                                organisation: string;
                                organisationId: string;
                                feed: string;
                                periodStart: string;
                                periodEnd: string;
                                events: number;
                                tlp: string;
                                status: string;
                                state: string;
                                reason: string | null;
                                recipients: string[];
                                delivery: {
                                    to: string;
                                    status: string;
                                    error: string | null;
                                    encrypted: boolean;
                                }[];
                                feedback: {
                                    verdict: string;
                                    comment: string;
                                    at: string;
                                }[];
                                createdAt: string;
                            }[];
                            /** @description give it as before= for the next, older page; absent on the last one */
                            next?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Build the notifications that are due; with dryRun, show what each organisation would receive and write nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dryRun?: boolean;
                        feed?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notifications: {
                                id: string;
                                organisationId: string;
                                organisation: string;
                                feed: string;
                                periodStart: string;
                                periodEnd: string;
                                events: number;
                                tlp: string;
                                status: "queued" | "withheld";
                                reason?: string;
                                mails: {
                                    to: string;
                                    language: string;
                                    subject: string;
                                    body: string;
                                    encrypted: boolean;
                                    status: string;
                                }[];
                                attachmentRows: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Feedback figures per feed and per organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byFeed: {
                                key: string;
                                name: string;
                                notifications: number;
                                events: number;
                                useful: number;
                                notUseful: number;
                                falsePositive: number;
                                comments: number;
                            }[];
                            byOrganisation: {
                                key: string;
                                name: string;
                                notifications: number;
                                events: number;
                                useful: number;
                                notUseful: number;
                                falsePositive: number;
                                comments: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/egress-decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What left the team, or was refused, to whom and through which channel; newest first, ?before=<id> for the next page */
        get: {
            parameters: {
                query?: {
                    refused?: boolean;
                    channel?: "api" | "search" | "export:debrief" | "export:custody" | "mail:incident" | "mail:reply" | "mail:acknowledgement" | "mail:countermeasure-removal" | "mail:notification" | "mail:watch-digest" | "mail:advisory" | "csaf:provider" | "export:stix" | "export:misp" | "taxii" | "misp-feed" | "mail:stix";
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decisions: {
                                id: string;
                                decidedAt: string;
                                channel: string;
                                itemKind: string;
                                itemId: string;
                                tlp: string;
                                recipient: string;
                                relation: string;
                                allowed: boolean;
                                reason: string;
                                actor: string;
                            }[];
                            next: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/teams/{id}/sharing-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the team shares with this peer team: the highest TLP label and the kinds of item (null: nothing is shared) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            maxTlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            itemKinds: ("observable" | "indicator" | "incident")[];
                            pseudonymisation: {
                                /** @enum {string} */
                                constituents: "keep" | "replace";
                                /** @enum {string} */
                                reporters: "keep" | "pseudonymise";
                                /** @enum {string} */
                                ownAddresses: "keep" | "drop" | "truncate" | "pseudonymise";
                                scrubText: boolean;
                            };
                            channels: ("taxii" | "misp-feed" | "mail")[];
                            taxiiCollectionId: string | null;
                            mailTo: string | null;
                            readerOrganisationId: string | null;
                            peerTeamId: string;
                            version: number;
                            updatedBy: string;
                            updatedAt: string;
                        } | null;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Set what the team shares with this peer team; send If-Match with the version you edited ("0" for a first profile) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        maxTlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        itemKinds: ("observable" | "indicator" | "incident")[];
                        pseudonymisation?: {
                            /** @enum {string} */
                            constituents: "keep" | "replace";
                            /** @enum {string} */
                            reporters: "keep" | "pseudonymise";
                            /** @enum {string} */
                            ownAddresses: "keep" | "drop" | "truncate" | "pseudonymise";
                            scrubText: boolean;
                        };
                        channels?: ("taxii" | "misp-feed" | "mail")[];
                        /** Format: uuid */
                        taxiiCollectionId?: string | null;
                        /** Format: email */
                        mailTo?: string | null;
                        /** Format: uuid */
                        readerOrganisationId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            maxTlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            itemKinds: ("observable" | "indicator" | "incident")[];
                            pseudonymisation: {
                                /** @enum {string} */
                                constituents: "keep" | "replace";
                                /** @enum {string} */
                                reporters: "keep" | "pseudonymise";
                                /** @enum {string} */
                                ownAddresses: "keep" | "drop" | "truncate" | "pseudonymise";
                                scrubText: boolean;
                            };
                            channels: ("taxii" | "misp-feed" | "mail")[];
                            taxiiCollectionId: string | null;
                            mailTo: string | null;
                            readerOrganisationId: string | null;
                            peerTeamId: string;
                            version: number;
                            updatedBy: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sharing-profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The peer teams the team shares with (those with a sharing profile), by name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            profiles: {
                                peerTeamId: string;
                                name: string;
                                maxTlp: string;
                                channels: string[];
                                hasReader: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/teams/{id}/sharing-profile/readers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make an account that reads for the peer (its TAXII collection and MISP feed) and its API token, shown this once; the first one also makes the reading organisation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            userId: string;
                            organisationId: string;
                            token: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared-objects/{id}/incident": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open an incident from what a peer shared — an imported STIX report or grouping, or a MISP event: its name, description and TLP, and an observable for each indicator value it names */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            observables: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/share-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a STIX export of the incident would hold for a peer team (or the team), why each item left out is left out, and each value pseudonymisation changes, before and after */
        get: {
            parameters: {
                query?: {
                    peer?: string;
                    incident?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            included: {
                                /** @enum {string} */
                                kind: "observable" | "indicator" | "incident";
                                id: string;
                                what: string;
                                stixId: string;
                                tlp: string;
                            }[];
                            left: {
                                /** @enum {string} */
                                kind: "observable" | "indicator" | "incident";
                                id: string;
                                what: string;
                                reason: string;
                            }[];
                            pseudonymised: {
                                field: string;
                                before: string;
                                after: string;
                                rule: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/misp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident as a MISP event (core format) for a peer team (?peer=) or the team: attributes with their types and tags, TLP/PAP/RSIT tags, distribution from TLP; the same uuid every time, so MISP updates it in place */
        get: {
            parameters: {
                query?: {
                    peer?: string;
                    incident?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            Event: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/stix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident as a STIX 2.1 bundle for a peer team (?peer=) or the team: what the egress gate and the peer’s sharing profile admit, each object with its TLP 2.0 marking, validated against the official schemas */
        get: {
            parameters: {
                query?: {
                    peer?: string;
                    incident?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A STIX 2.1 bundle */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/stix+json;version=2.1": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared-objects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import what a peer sent (the body), recognised by its content — a STIX 2.1 bundle or a MISP event: every object (and attribute) kept whole with its TLP read from whatever marking or tag it uses, its indicator values indexed for "seen elsewhere", and a report of what became of each; all or nothing */
        post: {
            parameters: {
                query?: {
                    source?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            format: "stix" | "misp-event";
                            stored: number;
                            unchanged: number;
                            refused: number;
                            objects: {
                                id: string;
                                type: string;
                                /** @enum {string} */
                                status: "stored" | "unchanged" | "refused";
                                tlp: string | null;
                                became: string;
                                problems: string[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/taxii2/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** TAXII discovery */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/taxii2/api/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API root */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/taxii2/api/collections/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The collections */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/taxii2/api/collections/{cid}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One collection */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/taxii2/api/collections/{cid}/objects/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The objects of a collection, oldest added first, a page at a time */
        get: {
            parameters: {
                query?: {
                    added_after?: string;
                    limit?: number;
                    next?: string;
                    "match[id]"?: string;
                    "match[type]"?: string;
                    "match[version]"?: string;
                    "match[spec_version]"?: string;
                };
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Add objects (an envelope); answered with a status resource */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/taxii2/api/collections/{cid}/manifest/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the collection holds: id, time added, version, media type */
        get: {
            parameters: {
                query?: {
                    added_after?: string;
                    limit?: number;
                    next?: string;
                    "match[id]"?: string;
                    "match[type]"?: string;
                    "match[version]"?: string;
                    "match[spec_version]"?: string;
                };
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/taxii2/api/collections/{cid}/objects/{oid}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One object (its newest version unless match[version] says) */
        get: {
            parameters: {
                query?: {
                    added_after?: string;
                    limit?: number;
                    next?: string;
                    "match[id]"?: string;
                    "match[type]"?: string;
                    "match[version]"?: string;
                    "match[spec_version]"?: string;
                };
                header?: never;
                path: {
                    cid: string;
                    oid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an object (every version, or those match[version] names) */
        delete: {
            parameters: {
                query?: {
                    added_after?: string;
                    limit?: number;
                    next?: string;
                    "match[id]"?: string;
                    "match[type]"?: string;
                    "match[version]"?: string;
                    "match[spec_version]"?: string;
                };
                header?: never;
                path: {
                    cid: string;
                    oid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/taxii2/api/collections/{cid}/objects/{oid}/versions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The versions of one object */
        get: {
            parameters: {
                query?: {
                    added_after?: string;
                    limit?: number;
                    next?: string;
                    "match[id]"?: string;
                    "match[type]"?: string;
                    "match[version]"?: string;
                    "match[spec_version]"?: string;
                };
                header?: never;
                path: {
                    cid: string;
                    oid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/taxii2/api/status/{sid}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The status of a POST */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/taxii-collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The TAXII collections, oldest first (a team keeps tens of them) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            collections: {
                                id: string;
                                title: string;
                                description: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Make a TAXII collection */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/taxii-collections/{cid}/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put an incident's STIX objects (all of them; each reader gets what TLP admits) into a collection, as new versions where they changed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/shares/{peer}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Share the incident with a peer team by its profile's channels (TAXII collection, MISP feed, encrypted mail), pseudonymised as the profile says, and keep the share current; again: publish what changed now */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    peer: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revision: number;
                            changed: number;
                            revoked: number;
                            channels: string[];
                            problems: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        /** Withdraw the share: every STIX object the peer was sent is revoked (or taken out of its collection), every MISP attribute deleted */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    peer: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revision: number;
                            changed: number;
                            revoked: number;
                            channels: string[];
                            problems: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/misp-feed/manifest.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The MISP feed’s manifest: each event the reader’s peer team is sent, with its timestamp */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/misp-feed/hashes.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The MISP feed’s hashes: the MD5 of each attribute value and its event’s uuid, one per line */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/misp-feed/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One event of the MISP feed, as last published */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            Event: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/taxii-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The peers' TAXII collections the team pulls from (a few dozen at most: answered whole; tokens are never shown) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sources: {
                                id: string;
                                collectionUrl: string;
                                peerTeamId: string | null;
                                readUpTo: string | null;
                                lastRunAt: string | null;
                                lastError: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Pull a peer's TAXII collection (its URL, …/collections/<id>/, and the API token the peer gave the team); the hourly job reads it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uri */
                        url: string;
                        token: string;
                        /** Format: uuid */
                        peerTeamId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            created: boolean;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            created: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/taxii-sources/{id}/pull": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pull a source now: what the peer added since the last pull, page after page, through the STIX import */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            source: string;
                            pages: number;
                            stored: number;
                            unchanged: number;
                            refused: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/warninglists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Known-benign indicator values (flagged, never used to link reports and incidents), by list, kind and value, a page at a time */
        get: {
            parameters: {
                query?: {
                    list?: string;
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                list: string;
                                /** @enum {string} */
                                kind: "ipv4" | "ipv6" | "domain" | "url" | "email" | "md5" | "sha1" | "sha256" | "cve";
                                value: string;
                                addedBy: string;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/warninglists/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a value to a warninglist (a new list is made by its first entry) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        list: string;
                        /** @enum {string} */
                        kind: "ipv4" | "ipv6" | "domain" | "url" | "email" | "md5" | "sha1" | "sha256" | "cve";
                        value: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            list: string;
                            /** @enum {string} */
                            kind: "ipv4" | "ipv6" | "domain" | "url" | "email" | "md5" | "sha1" | "sha256" | "cve";
                            value: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Remove a value from a warninglist */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        list: string;
                        /** @enum {string} */
                        kind: "ipv4" | "ipv6" | "domain" | "url" | "email" | "md5" | "sha1" | "sha256" | "cve";
                        value: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team's home page: open incidents, SLA clocks run out or about to, triage queue, my tasks, feeds, notifications, recent activity */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            generatedAt: string;
                            open: {
                                total: number;
                                byPriority: {
                                    priority: string;
                                    count: number;
                                }[];
                                byClass: {
                                    rsitClass: string;
                                    count: number;
                                }[];
                            };
                            sla: {
                                overdue: number;
                                dueSoon: number;
                                alerts: {
                                    incidentId: string;
                                    title: string;
                                    priority: string;
                                    /** @enum {string} */
                                    measure: "acknowledge" | "triage" | "resolve";
                                    /** @enum {string} */
                                    state: "overdue" | "due-soon";
                                    /** Format: date-time */
                                    dueAt: string;
                                }[];
                            };
                            triage: {
                                waiting: number;
                                /** Format: date-time */
                                oldestReceivedAt: string | null;
                            };
                            myTasks: {
                                id: string;
                                incidentId: string;
                                title: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                overdue: boolean;
                            }[];
                            feeds: {
                                day: string;
                                events: number;
                                runs: number;
                            }[];
                            notifications: {
                                built: number;
                                sent: number;
                                withheld: number;
                                bounced: number;
                                useful: number;
                                notUseful: number;
                                falsePositive: number;
                            };
                            activity: {
                                /** Format: date-time */
                                at: string;
                                incidentId: string;
                                title: string;
                                kind: string;
                                summary: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saved-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A list's saved views: mine and those shared with the team */
        get: {
            parameters: {
                query: {
                    list: "incidents" | "reports" | "audit";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            list: "incidents" | "reports" | "audit";
                            name: string;
                            query: string;
                            shared: boolean;
                            mine: boolean;
                            owner: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Keep a list's filters under a name, for me or for the team */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        list: "incidents" | "reports" | "audit";
                        name: string;
                        query: string;
                        shared?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saved-views/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a view of mine */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/advisories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Advisories, the newest release first, a page at a time */
        get: {
            parameters: {
                query?: {
                    /** @description the cursor: "<time>,<id>" of the last row seen */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advisories: {
                                id: string;
                                publisherNamespace: string;
                                trackingId: string;
                                version: string;
                                title: string;
                                category: string;
                                status: string;
                                csafTlp: string | null;
                                /** @enum {string} */
                                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                currentReleaseDate: string;
                                sha256: string;
                                valid: boolean;
                                source: string;
                                importedAt: string;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Import a CSAF 2.0 document (the body): validated (schema and every test of section 6) and kept whole; the same document again changes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            publisherNamespace: string;
                            trackingId: string;
                            version: string;
                            title: string;
                            category: string;
                            status: string;
                            csafTlp: string | null;
                            /** @enum {string} */
                            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            currentReleaseDate: string;
                            sha256: string;
                            valid: boolean;
                            source: string;
                            importedAt: string;
                            findings: {
                                test: string;
                                section: string;
                                /** @enum {string} */
                                severity: "error" | "warning" | "info";
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            publisherNamespace: string;
                            trackingId: string;
                            version: string;
                            title: string;
                            category: string;
                            status: string;
                            csafTlp: string | null;
                            /** @enum {string} */
                            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            currentReleaseDate: string;
                            sha256: string;
                            valid: boolean;
                            source: string;
                            importedAt: string;
                            findings: {
                                test: string;
                                section: string;
                                /** @enum {string} */
                                severity: "error" | "warning" | "info";
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/advisories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One advisory: what Vakt read from it, its vulnerabilities (CVE, CWE, the scores given, products per status) and its validation, finding by finding */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            publisherNamespace: string;
                            trackingId: string;
                            version: string;
                            title: string;
                            category: string;
                            status: string;
                            csafTlp: string | null;
                            /** @enum {string} */
                            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            currentReleaseDate: string;
                            sha256: string;
                            valid: boolean;
                            source: string;
                            importedAt: string;
                            findings: {
                                test: string;
                                section: string;
                                /** @enum {string} */
                                severity: "error" | "warning" | "info";
                                path: string;
                                message: string;
                            }[];
                            vulnerabilities: {
                                cve: string | null;
                                title: string | null;
                                cwe: string | null;
                                scores: {
                                    version: string;
                                    baseScore: number;
                                    severity: string | null;
                                    vector: string;
                                }[];
                                productStatus: {
                                    [key: string]: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/advisories/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CSAF document exactly as it was imported, byte for byte */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product catalogue, in vendor, product and version order, found by words */
        get: {
            parameters: {
                query?: {
                    /** @description the cursor: from the page before */
                    after?: string;
                    limit?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            products: {
                                id: string;
                                vendor: string;
                                name: string;
                                version: string;
                                cpe: string | null;
                                purl: string | null;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Add a product version to the catalogue, with its CPE and purl */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        vendor: string;
                        name: string;
                        version: string;
                        cpe?: string;
                        purl?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            vendor: string;
                            name: string;
                            version: string;
                            cpe: string | null;
                            purl: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/authored-advisories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team's own advisories, the most recently changed first */
        get: {
            parameters: {
                query?: {
                    state?: "draft" | "in-review" | "approved" | "published";
                    /** @description the cursor: "<time>,<id>" of the last row seen */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advisories: {
                                id: string;
                                trackingId: string;
                                /** @enum {string} */
                                state: "draft" | "in-review" | "approved" | "published";
                                title: string;
                                /** @enum {string} */
                                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                content: {
                                    title: string;
                                    /** @enum {string} */
                                    category: "csaf_security_advisory" | "csaf_vex" | "csaf_informational_advisory" | "csaf_base";
                                    lang: string;
                                    /** @enum {string} */
                                    status: "draft" | "interim" | "final";
                                    /** @enum {string} */
                                    tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                    notes: {
                                        /** @enum {string} */
                                        category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                        title?: string;
                                        text: string;
                                    }[];
                                    references: {
                                        /** Format: uri */
                                        url: string;
                                        summary: string;
                                    }[];
                                    acknowledgments: {
                                        names?: string[];
                                        organization?: string;
                                        summary?: string;
                                    }[];
                                    productIds: string[];
                                    vulnerabilities: {
                                        cve?: string;
                                        cwe?: {
                                            id: string;
                                            name: string;
                                        };
                                        title?: string;
                                        notes: {
                                            /** @enum {string} */
                                            category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                            title?: string;
                                            text: string;
                                        }[];
                                        cvssV3?: string;
                                        cvssV4?: string;
                                        productStatus: {
                                            known_affected?: string[];
                                            known_not_affected?: string[];
                                            fixed?: string[];
                                            first_fixed?: string[];
                                            first_affected?: string[];
                                            last_affected?: string[];
                                            recommended?: string[];
                                            under_investigation?: string[];
                                        };
                                        remediations: {
                                            /** @enum {string} */
                                            category: "vendor_fix" | "mitigation" | "workaround" | "none_available" | "no_fix_planned";
                                            details: string;
                                            productIds: string[];
                                            /** Format: uri */
                                            url?: string;
                                        }[];
                                        threats: {
                                            /** @enum {string} */
                                            category: "impact" | "exploit_status" | "target_set";
                                            details: string;
                                            productIds?: string[];
                                        }[];
                                        references: {
                                            /** Format: uri */
                                            url: string;
                                            summary: string;
                                        }[];
                                    }[];
                                    revisionSummary?: string;
                                };
                                revision: number;
                                publishedVersions: number;
                                initialReleaseDate: string | null;
                                createdBy: string;
                                editedBy: string;
                                submittedBy: string | null;
                                reviewedBy: string | null;
                                reviewComment: string | null;
                                updatedAt: string;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Start an advisory: a draft, with a tracking id from the profile’s pattern */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        /** @enum {string} */
                        category: "csaf_security_advisory" | "csaf_vex" | "csaf_informational_advisory" | "csaf_base";
                        lang: string;
                        /** @enum {string} */
                        status: "draft" | "interim" | "final";
                        /** @enum {string} */
                        tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        notes: {
                            /** @enum {string} */
                            category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                            title?: string;
                            text: string;
                        }[];
                        references: {
                            /** Format: uri */
                            url: string;
                            summary: string;
                        }[];
                        acknowledgments: {
                            names?: string[];
                            organization?: string;
                            summary?: string;
                        }[];
                        productIds: string[];
                        vulnerabilities: {
                            cve?: string;
                            cwe?: {
                                id: string;
                                name: string;
                            };
                            title?: string;
                            notes: {
                                /** @enum {string} */
                                category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                title?: string;
                                text: string;
                            }[];
                            cvssV3?: string;
                            cvssV4?: string;
                            productStatus: {
                                known_affected?: string[];
                                known_not_affected?: string[];
                                fixed?: string[];
                                first_fixed?: string[];
                                first_affected?: string[];
                                last_affected?: string[];
                                recommended?: string[];
                                under_investigation?: string[];
                            };
                            remediations: {
                                /** @enum {string} */
                                category: "vendor_fix" | "mitigation" | "workaround" | "none_available" | "no_fix_planned";
                                details: string;
                                productIds: string[];
                                /** Format: uri */
                                url?: string;
                            }[];
                            threats: {
                                /** @enum {string} */
                                category: "impact" | "exploit_status" | "target_set";
                                details: string;
                                productIds?: string[];
                            }[];
                            references: {
                                /** Format: uri */
                                url: string;
                                summary: string;
                            }[];
                        }[];
                        revisionSummary?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            trackingId: string;
                            /** @enum {string} */
                            state: "draft" | "in-review" | "approved" | "published";
                            title: string;
                            /** @enum {string} */
                            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            content: {
                                title: string;
                                /** @enum {string} */
                                category: "csaf_security_advisory" | "csaf_vex" | "csaf_informational_advisory" | "csaf_base";
                                lang: string;
                                /** @enum {string} */
                                status: "draft" | "interim" | "final";
                                /** @enum {string} */
                                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                notes: {
                                    /** @enum {string} */
                                    category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                    title?: string;
                                    text: string;
                                }[];
                                references: {
                                    /** Format: uri */
                                    url: string;
                                    summary: string;
                                }[];
                                acknowledgments: {
                                    names?: string[];
                                    organization?: string;
                                    summary?: string;
                                }[];
                                productIds: string[];
                                vulnerabilities: {
                                    cve?: string;
                                    cwe?: {
                                        id: string;
                                        name: string;
                                    };
                                    title?: string;
                                    notes: {
                                        /** @enum {string} */
                                        category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                        title?: string;
                                        text: string;
                                    }[];
                                    cvssV3?: string;
                                    cvssV4?: string;
                                    productStatus: {
                                        known_affected?: string[];
                                        known_not_affected?: string[];
                                        fixed?: string[];
                                        first_fixed?: string[];
                                        first_affected?: string[];
                                        last_affected?: string[];
                                        recommended?: string[];
                                        under_investigation?: string[];
                                    };
                                    remediations: {
                                        /** @enum {string} */
                                        category: "vendor_fix" | "mitigation" | "workaround" | "none_available" | "no_fix_planned";
                                        details: string;
                                        productIds: string[];
                                        /** Format: uri */
                                        url?: string;
                                    }[];
                                    threats: {
                                        /** @enum {string} */
                                        category: "impact" | "exploit_status" | "target_set";
                                        details: string;
                                        productIds?: string[];
                                    }[];
                                    references: {
                                        /** Format: uri */
                                        url: string;
                                        summary: string;
                                    }[];
                                }[];
                                revisionSummary?: string;
                            };
                            revision: number;
                            publishedVersions: number;
                            initialReleaseDate: string | null;
                            createdBy: string;
                            editedBy: string;
                            submittedBy: string | null;
                            reviewedBy: string | null;
                            reviewComment: string | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/authored-advisories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the team’s advisories */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            trackingId: string;
                            /** @enum {string} */
                            state: "draft" | "in-review" | "approved" | "published";
                            title: string;
                            /** @enum {string} */
                            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            content: {
                                title: string;
                                /** @enum {string} */
                                category: "csaf_security_advisory" | "csaf_vex" | "csaf_informational_advisory" | "csaf_base";
                                lang: string;
                                /** @enum {string} */
                                status: "draft" | "interim" | "final";
                                /** @enum {string} */
                                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                notes: {
                                    /** @enum {string} */
                                    category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                    title?: string;
                                    text: string;
                                }[];
                                references: {
                                    /** Format: uri */
                                    url: string;
                                    summary: string;
                                }[];
                                acknowledgments: {
                                    names?: string[];
                                    organization?: string;
                                    summary?: string;
                                }[];
                                productIds: string[];
                                vulnerabilities: {
                                    cve?: string;
                                    cwe?: {
                                        id: string;
                                        name: string;
                                    };
                                    title?: string;
                                    notes: {
                                        /** @enum {string} */
                                        category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                        title?: string;
                                        text: string;
                                    }[];
                                    cvssV3?: string;
                                    cvssV4?: string;
                                    productStatus: {
                                        known_affected?: string[];
                                        known_not_affected?: string[];
                                        fixed?: string[];
                                        first_fixed?: string[];
                                        first_affected?: string[];
                                        last_affected?: string[];
                                        recommended?: string[];
                                        under_investigation?: string[];
                                    };
                                    remediations: {
                                        /** @enum {string} */
                                        category: "vendor_fix" | "mitigation" | "workaround" | "none_available" | "no_fix_planned";
                                        details: string;
                                        productIds: string[];
                                        /** Format: uri */
                                        url?: string;
                                    }[];
                                    threats: {
                                        /** @enum {string} */
                                        category: "impact" | "exploit_status" | "target_set";
                                        details: string;
                                        productIds?: string[];
                                    }[];
                                    references: {
                                        /** Format: uri */
                                        url: string;
                                        summary: string;
                                    }[];
                                }[];
                                revisionSummary?: string;
                            };
                            revision: number;
                            publishedVersions: number;
                            initialReleaseDate: string | null;
                            createdBy: string;
                            editedBy: string;
                            submittedBy: string | null;
                            reviewedBy: string | null;
                            reviewComment: string | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Edit a draft, or start the next version of a published advisory (If-Match: the revision you edited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        /** @enum {string} */
                        category: "csaf_security_advisory" | "csaf_vex" | "csaf_informational_advisory" | "csaf_base";
                        lang: string;
                        /** @enum {string} */
                        status: "draft" | "interim" | "final";
                        /** @enum {string} */
                        tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                        notes: {
                            /** @enum {string} */
                            category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                            title?: string;
                            text: string;
                        }[];
                        references: {
                            /** Format: uri */
                            url: string;
                            summary: string;
                        }[];
                        acknowledgments: {
                            names?: string[];
                            organization?: string;
                            summary?: string;
                        }[];
                        productIds: string[];
                        vulnerabilities: {
                            cve?: string;
                            cwe?: {
                                id: string;
                                name: string;
                            };
                            title?: string;
                            notes: {
                                /** @enum {string} */
                                category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                title?: string;
                                text: string;
                            }[];
                            cvssV3?: string;
                            cvssV4?: string;
                            productStatus: {
                                known_affected?: string[];
                                known_not_affected?: string[];
                                fixed?: string[];
                                first_fixed?: string[];
                                first_affected?: string[];
                                last_affected?: string[];
                                recommended?: string[];
                                under_investigation?: string[];
                            };
                            remediations: {
                                /** @enum {string} */
                                category: "vendor_fix" | "mitigation" | "workaround" | "none_available" | "no_fix_planned";
                                details: string;
                                productIds: string[];
                                /** Format: uri */
                                url?: string;
                            }[];
                            threats: {
                                /** @enum {string} */
                                category: "impact" | "exploit_status" | "target_set";
                                details: string;
                                productIds?: string[];
                            }[];
                            references: {
                                /** Format: uri */
                                url: string;
                                summary: string;
                            }[];
                        }[];
                        revisionSummary?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            trackingId: string;
                            /** @enum {string} */
                            state: "draft" | "in-review" | "approved" | "published";
                            title: string;
                            /** @enum {string} */
                            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            content: {
                                title: string;
                                /** @enum {string} */
                                category: "csaf_security_advisory" | "csaf_vex" | "csaf_informational_advisory" | "csaf_base";
                                lang: string;
                                /** @enum {string} */
                                status: "draft" | "interim" | "final";
                                /** @enum {string} */
                                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                notes: {
                                    /** @enum {string} */
                                    category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                    title?: string;
                                    text: string;
                                }[];
                                references: {
                                    /** Format: uri */
                                    url: string;
                                    summary: string;
                                }[];
                                acknowledgments: {
                                    names?: string[];
                                    organization?: string;
                                    summary?: string;
                                }[];
                                productIds: string[];
                                vulnerabilities: {
                                    cve?: string;
                                    cwe?: {
                                        id: string;
                                        name: string;
                                    };
                                    title?: string;
                                    notes: {
                                        /** @enum {string} */
                                        category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                        title?: string;
                                        text: string;
                                    }[];
                                    cvssV3?: string;
                                    cvssV4?: string;
                                    productStatus: {
                                        known_affected?: string[];
                                        known_not_affected?: string[];
                                        fixed?: string[];
                                        first_fixed?: string[];
                                        first_affected?: string[];
                                        last_affected?: string[];
                                        recommended?: string[];
                                        under_investigation?: string[];
                                    };
                                    remediations: {
                                        /** @enum {string} */
                                        category: "vendor_fix" | "mitigation" | "workaround" | "none_available" | "no_fix_planned";
                                        details: string;
                                        productIds: string[];
                                        /** Format: uri */
                                        url?: string;
                                    }[];
                                    threats: {
                                        /** @enum {string} */
                                        category: "impact" | "exploit_status" | "target_set";
                                        details: string;
                                        productIds?: string[];
                                    }[];
                                    references: {
                                        /** Format: uri */
                                        url: string;
                                        summary: string;
                                    }[];
                                }[];
                                revisionSummary?: string;
                            };
                            revision: number;
                            publishedVersions: number;
                            initialReleaseDate: string | null;
                            createdBy: string;
                            editedBy: string;
                            submittedBy: string | null;
                            reviewedBy: string | null;
                            reviewComment: string | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/authored-advisories/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a draft for review */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            trackingId: string;
                            /** @enum {string} */
                            state: "draft" | "in-review" | "approved" | "published";
                            title: string;
                            /** @enum {string} */
                            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            content: {
                                title: string;
                                /** @enum {string} */
                                category: "csaf_security_advisory" | "csaf_vex" | "csaf_informational_advisory" | "csaf_base";
                                lang: string;
                                /** @enum {string} */
                                status: "draft" | "interim" | "final";
                                /** @enum {string} */
                                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                notes: {
                                    /** @enum {string} */
                                    category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                    title?: string;
                                    text: string;
                                }[];
                                references: {
                                    /** Format: uri */
                                    url: string;
                                    summary: string;
                                }[];
                                acknowledgments: {
                                    names?: string[];
                                    organization?: string;
                                    summary?: string;
                                }[];
                                productIds: string[];
                                vulnerabilities: {
                                    cve?: string;
                                    cwe?: {
                                        id: string;
                                        name: string;
                                    };
                                    title?: string;
                                    notes: {
                                        /** @enum {string} */
                                        category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                        title?: string;
                                        text: string;
                                    }[];
                                    cvssV3?: string;
                                    cvssV4?: string;
                                    productStatus: {
                                        known_affected?: string[];
                                        known_not_affected?: string[];
                                        fixed?: string[];
                                        first_fixed?: string[];
                                        first_affected?: string[];
                                        last_affected?: string[];
                                        recommended?: string[];
                                        under_investigation?: string[];
                                    };
                                    remediations: {
                                        /** @enum {string} */
                                        category: "vendor_fix" | "mitigation" | "workaround" | "none_available" | "no_fix_planned";
                                        details: string;
                                        productIds: string[];
                                        /** Format: uri */
                                        url?: string;
                                    }[];
                                    threats: {
                                        /** @enum {string} */
                                        category: "impact" | "exploit_status" | "target_set";
                                        details: string;
                                        productIds?: string[];
                                    }[];
                                    references: {
                                        /** Format: uri */
                                        url: string;
                                        summary: string;
                                    }[];
                                }[];
                                revisionSummary?: string;
                            };
                            revision: number;
                            publishedVersions: number;
                            initialReleaseDate: string | null;
                            createdBy: string;
                            editedBy: string;
                            submittedBy: string | null;
                            reviewedBy: string | null;
                            reviewComment: string | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/authored-advisories/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Review an advisory as a second team member: approve it, or return it to the author with a comment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve" | "return";
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            trackingId: string;
                            /** @enum {string} */
                            state: "draft" | "in-review" | "approved" | "published";
                            title: string;
                            /** @enum {string} */
                            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                            content: {
                                title: string;
                                /** @enum {string} */
                                category: "csaf_security_advisory" | "csaf_vex" | "csaf_informational_advisory" | "csaf_base";
                                lang: string;
                                /** @enum {string} */
                                status: "draft" | "interim" | "final";
                                /** @enum {string} */
                                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                notes: {
                                    /** @enum {string} */
                                    category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                    title?: string;
                                    text: string;
                                }[];
                                references: {
                                    /** Format: uri */
                                    url: string;
                                    summary: string;
                                }[];
                                acknowledgments: {
                                    names?: string[];
                                    organization?: string;
                                    summary?: string;
                                }[];
                                productIds: string[];
                                vulnerabilities: {
                                    cve?: string;
                                    cwe?: {
                                        id: string;
                                        name: string;
                                    };
                                    title?: string;
                                    notes: {
                                        /** @enum {string} */
                                        category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                        title?: string;
                                        text: string;
                                    }[];
                                    cvssV3?: string;
                                    cvssV4?: string;
                                    productStatus: {
                                        known_affected?: string[];
                                        known_not_affected?: string[];
                                        fixed?: string[];
                                        first_fixed?: string[];
                                        first_affected?: string[];
                                        last_affected?: string[];
                                        recommended?: string[];
                                        under_investigation?: string[];
                                    };
                                    remediations: {
                                        /** @enum {string} */
                                        category: "vendor_fix" | "mitigation" | "workaround" | "none_available" | "no_fix_planned";
                                        details: string;
                                        productIds: string[];
                                        /** Format: uri */
                                        url?: string;
                                    }[];
                                    threats: {
                                        /** @enum {string} */
                                        category: "impact" | "exploit_status" | "target_set";
                                        details: string;
                                        productIds?: string[];
                                    }[];
                                    references: {
                                        /** Format: uri */
                                        url: string;
                                        summary: string;
                                    }[];
                                }[];
                                revisionSummary?: string;
                            };
                            revision: number;
                            publishedVersions: number;
                            initialReleaseDate: string | null;
                            createdBy: string;
                            editedBy: string;
                            submittedBy: string | null;
                            reviewedBy: string | null;
                            reviewComment: string | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/authored-advisories/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CSAF document the next version would be, with every finding of the tests of CSAF 2.0 section 6 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            document: unknown;
                            path: string | null;
                            version: number;
                            valid: boolean;
                            findings: {
                                test: string;
                                section: string;
                                /** @enum {string} */
                                severity: "error" | "warning" | "info";
                                path: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/authored-advisories/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish an approved advisory: its next version, validated, signed with the team key, served by the CSAF provider, and mailed to the organisations it concerns (by product inventory unless told otherwise); refused, with nothing kept, when the provider check on the provider as it would be finds a rule it would break */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        audience?: "inventory" | "all" | "tag" | "none";
                        tag?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advisory: {
                                id: string;
                                trackingId: string;
                                /** @enum {string} */
                                state: "draft" | "in-review" | "approved" | "published";
                                title: string;
                                /** @enum {string} */
                                tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                content: {
                                    title: string;
                                    /** @enum {string} */
                                    category: "csaf_security_advisory" | "csaf_vex" | "csaf_informational_advisory" | "csaf_base";
                                    lang: string;
                                    /** @enum {string} */
                                    status: "draft" | "interim" | "final";
                                    /** @enum {string} */
                                    tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                                    notes: {
                                        /** @enum {string} */
                                        category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                        title?: string;
                                        text: string;
                                    }[];
                                    references: {
                                        /** Format: uri */
                                        url: string;
                                        summary: string;
                                    }[];
                                    acknowledgments: {
                                        names?: string[];
                                        organization?: string;
                                        summary?: string;
                                    }[];
                                    productIds: string[];
                                    vulnerabilities: {
                                        cve?: string;
                                        cwe?: {
                                            id: string;
                                            name: string;
                                        };
                                        title?: string;
                                        notes: {
                                            /** @enum {string} */
                                            category: "summary" | "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other";
                                            title?: string;
                                            text: string;
                                        }[];
                                        cvssV3?: string;
                                        cvssV4?: string;
                                        productStatus: {
                                            known_affected?: string[];
                                            known_not_affected?: string[];
                                            fixed?: string[];
                                            first_fixed?: string[];
                                            first_affected?: string[];
                                            last_affected?: string[];
                                            recommended?: string[];
                                            under_investigation?: string[];
                                        };
                                        remediations: {
                                            /** @enum {string} */
                                            category: "vendor_fix" | "mitigation" | "workaround" | "none_available" | "no_fix_planned";
                                            details: string;
                                            productIds: string[];
                                            /** Format: uri */
                                            url?: string;
                                        }[];
                                        threats: {
                                            /** @enum {string} */
                                            category: "impact" | "exploit_status" | "target_set";
                                            details: string;
                                            productIds?: string[];
                                        }[];
                                        references: {
                                            /** Format: uri */
                                            url: string;
                                            summary: string;
                                        }[];
                                    }[];
                                    revisionSummary?: string;
                                };
                                revision: number;
                                publishedVersions: number;
                                initialReleaseDate: string | null;
                                createdBy: string;
                                editedBy: string;
                                submittedBy: string | null;
                                reviewedBy: string | null;
                                reviewComment: string | null;
                                updatedAt: string;
                            };
                            documentId: string;
                            version: string;
                            path: string;
                            sha256: string;
                            told: {
                                organisationId: string;
                                organisation: string;
                                /** @enum {string} */
                                status: "queued" | "withheld";
                                reason: string | null;
                                matched: string[];
                                recipients: string[];
                            }[];
                            providerCheck: {
                                passed: boolean;
                                failed: {
                                    rule: number;
                                    title: string;
                                    messages: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/authored-advisories/{id}/recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisations told of the advisory, each with its newest answer (affected, not affected, patched, need help, useful), and how many have not yet patched */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organisations: {
                                organisationId: string;
                                organisation: string;
                                /** @enum {string} */
                                status: "queued" | "withheld";
                                reason: string | null;
                                matched: string[];
                                recipients: string[];
                                version: string;
                                mailedAt: string;
                                remindedAt: string | null;
                                answer: {
                                    /** @enum {string} */
                                    verdict: "affected" | "not-affected" | "patched" | "need-help" | "useful";
                                    comment: string;
                                    at: string;
                                } | null;
                            }[];
                            told: number;
                            answered: number;
                            notPatched: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/csaf/provider-metadata.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CSAF provider metadata */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/csaf/service.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ROLIE service document of the CSAF feeds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/csaf/openpgp/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team's public OpenPGP key, which signs every document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/csaf/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ROLIE feed of one TLP label (feed-tlp-white.json …), or the directory listing of a TLP folder */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/csaf/{folder}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The directory listing of a TLP folder */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    folder: "white" | "green" | "amber" | "red";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/csaf/{folder}/index.txt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every document of a TLP folder */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    folder: "white" | "green" | "amber" | "red";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/csaf/{folder}/changes.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every document of a TLP folder with the time of its last change, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    folder: "white" | "green" | "amber" | "red";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/csaf/{folder}/{year}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The directory listing of a year folder */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    folder: "white" | "green" | "amber" | "red";
                    year: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/csaf/{folder}/{year}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A CSAF document, its .sha256 and .sha512, and its detached OpenPGP signature .asc */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    folder: "white" | "green" | "amber" | "red";
                    year: string;
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/csaf-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CSAF providers the team follows (a few dozen at most: answered whole, in address order) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscriptions: {
                                id: string;
                                metadataUrl: string;
                                publisher: string;
                                /** @enum {string} */
                                kind: "provider" | "aggregator";
                                via: string | null;
                                readUpTo: string | null;
                                lastRunAt: string | null;
                                lastError: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Follow a CSAF provider (the URL of its provider-metadata.json) or an aggregator or lister (its aggregator.json, whose providers are then followed too), checked against its schema; the hourly job reads it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            publisher: string;
                            /** @enum {string} */
                            kind: "provider" | "aggregator";
                            created: boolean;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            publisher: string;
                            /** @enum {string} */
                            kind: "provider" | "aggregator";
                            created: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/csaf-subscriptions/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read a provider now: what changed since the last run, verified, validated, stored, and matched against the inventories; for an aggregator, its list again and then each provider in it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscription: string;
                            publisher: string;
                            changed: number;
                            imported: number;
                            unchanged: number;
                            refused: {
                                url: string;
                                reason: string;
                            }[];
                            warnings: string[];
                            notices: number;
                            providers?: {
                                listed: number;
                                added: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/relay-notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notices drafted from vendors' advisories for the organisations whose inventories they match, newest first */
        get: {
            parameters: {
                query?: {
                    state?: "draft" | "sent" | "dismissed";
                    /** @description the cursor: "<time>,<id>" of the last row seen */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notices: {
                                id: string;
                                advisoryId: string;
                                trackingId: string;
                                title: string;
                                tlp: string;
                                organisationId: string;
                                organisation: string;
                                matched: string[];
                                state: string;
                                createdAt: string;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/relay-notices/{id}/{decision}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a draft notice (the vendor's document attached, at its TLP through the egress gate) or dismiss it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    decision: "send" | "dismiss";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            state: string;
                            status: string | null;
                            reason: string | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Problem */
        "def-0": {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            code: string;
            requestId: string;
            errors?: {
                field: string;
                reason: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
