import type { AppSpecCode } from './codes.ts';

/**
 * The CodeDeploy agent's own failure text (English, verbatim from aws-codedeploy-agent v1.8.1, reference §1.3),
 * quoted beside our explanation so learners recognise it in the console. AWS's typos are kept on purpose.
 * `{name}` placeholders are filled from the diagnostic's params; Ruby prints nil as an empty string.
 */
const FAILED = 'The deployment failed because';

export const AGENT_MESSAGES: Partial<Record<AppSpecCode, string>> = {
	'document-empty': `${FAILED} the application specification file was empty. Make sure your AppSpec file defines at minimum the 'version' and 'os' properties.`,
	'version-missing': `${FAILED} an invalid version value () was entered in the application specification file. Make sure your AppSpec file specifies "0.0" as the version, and then try again.`,
	'version-quoted': `${FAILED} an invalid version value ({value}) was entered in the application specification file. Make sure your AppSpec file specifies "0.0" as the version, and then try again.`,
	'version-invalid': `${FAILED} an invalid version value ({value}) was entered in the application specification file. Make sure your AppSpec file specifies "0.0" as the version, and then try again.`,
	'os-missing': `${FAILED} the application specification file specifies an unsupported operating system (). Specify either "linux" or "windows" in the os section of the AppSpec file, and then try again.`,
	'os-invalid': `${FAILED} the application specification file specifies an unsupported operating system ({value}). Specify either "linux" or "windows" in the os section of the AppSpec file, and then try again.`,
	'os-mismatch': `${FAILED} the application specification file specifies an unsupported operating system ({value}). Specify either "linux" or "windows" in the os section of the AppSpec file, and then try again.`,
	'file-exists-behavior-invalid': `${FAILED} an invalid file_exists_behavior value ({value}) was entered in the application specification file. Make sure your AppSpec file specifies one of DISALLOW,OVERWRITE,RETAIN as the file_exists_behavior, and then try again.`,
	'hook-location-missing': `${FAILED} the application specification file specifies a script with no location value. Specify the location in the hooks section of the AppSpec file, and then try again.`,
	'hook-timeout-invalid': `${FAILED} an invalid timeout value was provided for a script in the application specification file. Make corrections in the hooks section of the AppSpec file, and then try again.`,
	'files-source-missing': `${FAILED} the application specification file specifies a destination file, but no source file. Update the files section of the AppSpec file, and then try again.`,
	'files-destination-missing': `${FAILED} the application specification file specifies only a source file ({source}). Add the name of the destination file to the files section of the AppSpec file, and then try again.`,
	'files-source-glob': 'No such file or directory @ rb_sysopen - <archive>/{source}',
	'permission-object-missing': `${FAILED} a permission listed in the application specification file has no object value. Update the permissions section of the AppSpec file, and then try again.`,
	'permissions-on-windows': `${FAILED} the application specification file specifiles file permissions, but the deployment is targeting one or more Windows Server instances. Permissions are supported only for Amazon Linux, Ubuntu Server, and Red Hat Enterprise Linux (RHEL) instances. Update the permissions section of the AppSpec file, and then try again.`,
	'permission-type-invalid': `${FAILED} the application specification filespecifies a permission for an object type not supported for permissions ({value}). Update the permissions section of the AppSpec file, and then try again.`,
	'permission-object-duplicate': `${FAILED} the permissions setting for ({object}) is specified more than once in the application specification file.`,
	'mode-too-long': `${FAILED} the length of a permissions mode ({mode}) in the application specification file is invalid. Permissions modes must be between one and four characters long. Update the permissions section of the AppSpec file, and then try again.`,
	'mode-invalid-character': `${FAILED} the permissions mode ({mode}) in the application specification file contains an invalid character ({char}). Update the permissions section of the AppSpec file, and then try again.`,
	'mode-octal-unquoted-rejected': `${FAILED} the permissions mode ({mode}) in the application specification file contains an invalid character ({char}). Update the permissions section of the AppSpec file, and then try again.`,
	'acl-invalid-entry': `${FAILED} of a problem with the acls permission settings in the application specification file. Invalid acl entry ({ace}).`,
	'acl-base-entry': `${FAILED} of a problem with the acls permission settings in the application specification file. Use mode to set the base acl entry ({ace}). Update the permissions section of the AppSpec file, and then try again.`,
	'acl-invalid-permission': `${FAILED} the access control list (ACL) named {ace} in the application specification file contains an invalid character ({char}). Correct the ACL in the hooks section of the AppSpec file, and then try again.`,
	'context-type-missing': `${FAILED} the application specification file specifies an invalid context type ({context}). Update the permissions section of the AppSpec file, and then try again.`,
	'context-range-invalid': '{agentDetail}',
	'hooks-list-on-server': "undefined method `each_pair' for an Array (NoMethodError)",
	'hook-event-not-list': "undefined method `each' for a String (NoMethodError)",
	'hook-script-not-map': "undefined method `has_key?' for a String (NoMethodError)",
};
