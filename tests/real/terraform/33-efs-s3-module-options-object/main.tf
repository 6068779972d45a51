resource "aws_cloudwatch_log_group" "datasync" {
  name              = "/aws/datasync/shared-files-to-s3"
  retention_in_days = 7
}

module "datasync" {
  source = "./modules/datasync"

  task_name = "shared-files-to-s3"

  s3_bucket_arn             = "arn:aws:s3:::shared-files-copy-example"
  s3_storage_class          = "STANDARD"
  s3_subdirectory           = "/"
  s3_bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync-s3-access"

  efs_file_system_arn = "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-0a1b2c3d4e5f60718"
  efs_access_role_arn = "arn:aws:iam::111122223333:role/datasync-efs-access"
  efs_subdirectory    = "/"
  security_group_arns = ["arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0"]
  subnet_arn          = "arn:aws:ec2:us-east-1:111122223333:subnet/subnet-0123456789abcdef0"

  task_options = {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    preserve_deleted_files = "PRESERVE"
    preserve_devices       = "NONE"
    uid                    = "NONE"
    gid                    = "NONE"
    posix_permissions      = "NONE"
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    transfer_mode          = "ALL"
    overwrite_mode         = "ALWAYS"
    task_queueing          = "ENABLED"
    log_level              = "TRANSFER"
  }

  cloudwatch_log_group_arn = "${aws_cloudwatch_log_group.datasync.arn}:*"

  tags = {
    Environment = "prod"
  }
}
